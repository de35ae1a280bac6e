// `npm run --silent sanitize -- FILE.har` (DESIGN.md "CLI contract"). Wiring only: the command
// lives in run-sanitize.ts, the redaction in src/core/redact.
import { nodeCliIo } from './node-cli-io.ts';
import { runSanitize } from './run-sanitize.ts';

// exitCode, not process.exit(): a large HAR written to a pipe must be flushed before exit.
process.exitCode = runSanitize(process.argv.slice(2), nodeCliIo());
