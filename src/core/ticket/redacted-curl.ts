import type { Exchange } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { redactBodyText } from '../redact/redact-body-text.ts';
import { redactHeader } from '../redact/redact-header.ts';
import { redactUrl } from '../redact/redact-url.ts';
import { RedactionSession } from '../redact/redaction-session.ts';
import { shellQuote } from './shell-quote.ts';

/** Headers curl computes itself, or HTTP/2 pseudo-headers that are not real headers. */
const SKIPPED = new Set(['content-length', 'host', 'connection']);

/**
 * "Copy as cURL", redacted: secret headers, cookies, query values, URL userinfo and body secrets
 * become placeholders (one session, so the same key in a header and the body reads the same),
 * and every argument is single-quoted so the command is safe to paste into a shell.
 */
export function redactedCurl(exchange: Exchange): string {
  const session = new RedactionSession();
  // --globoff: placeholders are `[kind-n]`, which curl would otherwise read as a URL range glob.
  const first = ['curl', '--globoff'];
  const args: string[] = [];
  const hasBody = exchange.requestBody !== undefined && exchange.requestBody !== '';
  if (exchange.method !== 'GET' && !(exchange.method === 'POST' && hasBody))
    first.push(`-X ${shellQuote(exchange.method)}`);
  first.push(shellQuote(redactUrl(exchange.url, session)));
  for (const header of exchange.requestHeaders) {
    const name = header.name.toLowerCase();
    if (name.startsWith(':') || SKIPPED.has(name)) continue;
    args.push(`-H ${shellQuote(`${header.name}: ${redactHeader(header.name, header.value, session)}`)}`);
  }
  if (hasBody) {
    const body = redactBodyText(
      exchange.requestBody ?? '',
      exchange.requestMimeType ?? headerValue(exchange.requestHeaders, 'content-type') ?? '',
      session,
    );
    args.push(`--data-raw ${shellQuote(body)}`);
  }
  return [first.join(' '), ...args].join(' \\\n  ');
}
