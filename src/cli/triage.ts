// `npm run --silent triage -- [--json] [--map HOST=PROFILE]... FILE.har` (DESIGN.md "CLI contract").
// Wiring only: the command lives in run-triage.ts, the analysis in src/core.
import { nodeCliIo } from './node-cli-io.ts';
import { runTriage } from './run-triage.ts';

// exitCode, not process.exit(): a large report written to a pipe must be flushed before exit.
process.exitCode = runTriage(process.argv.slice(2), nodeCliIo());
