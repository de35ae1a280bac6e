import type { Exchange } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { RedactionSession, redactBodyText, redactHeader, redactUrl } from '../redact/index.ts';

/** Headers curl computes itself, or HTTP/2 pseudo-headers that are not real headers. */
const SKIPPED = new Set(['content-length', 'host', 'connection']);

/** POSIX shell single-quoting: nothing inside '…' is special except the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A redacted URL that is a valid URI (re-encoded where it changed) but keeps its placeholders
 * readable: `[` and `]` are left as they are in a placeholder, which browsers and curl --globoff
 * accept. What "Copy URL" and "Copy as cURL" put on the clipboard.
 */
export function redactedUrl(url: string, session: RedactionSession): string {
  return redactUrl(url, session, 'har').replace(/%5B([a-z]+(?:-[a-z]+)*-\d+)%5D/g, '[$1]');
}

/**
 * "Copy as cURL", redacted: secret headers, cookies, query values, URL userinfo and body secrets
 * become placeholders, one decision per value (the exchange is judged whole first, so the same key
 * in a header and the body reads the same), and every argument is single-quoted so the command is
 * safe to paste into a shell.
 */
export function redactedCurl(exchange: Exchange): string {
  const session = new RedactionSession();
  const hasBody = exchange.requestBody !== undefined && exchange.requestBody !== '';
  const bodyType = exchange.requestMimeType ?? headerValue(exchange.requestHeaders, 'content-type') ?? '';
  const render = (): string => {
    // --globoff: placeholders are `[kind-n]`, which curl would otherwise read as a URL range glob.
    const first = ['curl', '--globoff'];
    const args: string[] = [];
    if (exchange.method !== 'GET' && !(exchange.method === 'POST' && hasBody))
      first.push(`-X ${shellQuote(exchange.method)}`);
    // --globoff lets curl take a placeholder's `[` and `]` literally.
    first.push(shellQuote(redactedUrl(exchange.url, session)));
    for (const header of exchange.requestHeaders) {
      const name = header.name.toLowerCase();
      if (name.startsWith(':') || SKIPPED.has(name)) continue;
      args.push(`-H ${shellQuote(`${header.name}: ${redactHeader(header.name, header.value, session)}`)}`);
    }
    if (hasBody)
      args.push(`--data-raw ${shellQuote(redactBodyText(exchange.requestBody ?? '', bodyType, session))}`);
    return [first.join(' '), ...args].join(' \\\n  ');
  };
  render();
  session.seal();
  return render();
}
