import { MAX_HAR_BYTES } from './read-har-file.ts';

export const SANITIZE_USAGE = `Usage: npm run --silent sanitize -- FILE.har > sanitized.har

Writes FILE.har to standard output with every secret and piece of personal data replaced by a
typed placeholder (headers, cookies, query strings, bodies), keeping every entry, method, status,
timing and non-secret header, so the result can be attached to a support ticket.

Options:
  -h, --help   show this help

FILE.har may be "-" to read standard input; files up to ${MAX_HAR_BYTES / 1024 / 1024} MB.

Exit status: 0 when the sanitized HAR was written;
             2 when the arguments are wrong or FILE is missing or not a HAR file (one line on stderr);
             1 on an unexpected internal error.
`;
