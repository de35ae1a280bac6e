import { BUILT_IN_PROVIDER_IDS } from '../core/profiles/index.ts';
import { MAX_HAR_BYTES } from './read-har-file.ts';

export const TRIAGE_USAGE = `Usage: npm run --silent triage -- [--json] [--map HOST=PROFILE]... [--profile FILE.json]... FILE.har

Lists the failed API calls in a HAR file (HTTP status >= 400, no response, or GraphQL errors in a
2xx response, or an error event in a 2xx event stream), classified by the provider's documented error policy, with retry advice, and the
patterns only visible across requests (retries too early, no backoff, rate-limit headroom, ...).

Options:
  --json                 print one JSON object {"entries": [...], "findings": [...]} instead of
                         the table (indented on a terminal, one line into a pipe); each entry
                         carries a redacted support ticket in "ticket"
  --map HOST=PROFILE     treat requests to HOST as PROFILE (repeatable); profiles:
                         ${BUILT_IN_PROVIDER_IDS.join(', ')},
                         or the id of a profile loaded with --profile
  --profile FILE.json    load a provider profile (format version 1, see
                         src/core/profiles/profile.schema.json) and recognise it before the
                         built-in ones (repeatable; a profile with a built-in's id replaces it)
  -h, --help             show this help

FILE.har may be "-" to read standard input; files up to ${MAX_HAR_BYTES / 1024 / 1024} MB.
Colours only on a terminal, and never when NO_COLOR is set.

Exit status: 0 when the file was triaged, whether or not it contains failures;
             2 when the arguments are wrong, a profile is invalid, or FILE is missing or not a
                HAR file (one line on stderr);
             1 on an unexpected internal error.
`;
