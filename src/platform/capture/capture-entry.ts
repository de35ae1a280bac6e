import type { HarContent, HarEntry } from '../../core/har.ts';
import { exchangeFromHarEntry } from '../../core/exchange-from-har-entry.ts';
import { isFailure } from '../../core/is-failure.ts';
import type { BodyContent } from './body-content.ts';
import { plainHarEntry } from './plain-har-entry.ts';
import { wantsBody } from './wants-body.ts';

/** Extension fields we add to HAR `content` (HAR 1.2 allows `_`-prefixed custom fields). */
export interface CapturedContent extends HarContent {
  /** Length of the body before it was cut to the body limit. */
  _truncatedFrom?: number;
  /** The body was binary and not kept. */
  _binary?: boolean;
}

function keepBody(content: CapturedContent, exchange: ReturnType<typeof exchangeFromHarEntry>): void {
  delete content.encoding;
  if (exchange.responseBody !== undefined) content.text = exchange.responseBody;
  else delete content.text;
  if (exchange.responseBodyTruncated === true && exchange.responseBodySize !== undefined)
    content._truncatedFrom = exchange.responseBodySize;
  if (exchange.responseBodyBinary === true) content._binary = true;
}

/**
 * Firefox's HAR entry for a request that got no response (refused, DNS, CORS-blocked, aborted,
 * timed out) has status 0 and no error text at all — checked in Firefox ESR 153 — where Chromium
 * gives `response._error` such as `net::ERR_CONNECTION_REFUSED`. Say honestly what is known.
 */
export const NO_REASON_GIVEN =
  'no response; the browser gave no reason (connection refused, DNS failure, CORS block, abort or timeout)';

function markNoResponse(entry: HarEntry): void {
  const response = entry.response ?? {};
  if (Number(response.status) !== 0) return;
  const known = [response._error, response._failureText, entry._error].some(
    (t) => typeof t === 'string' && t !== '',
  );
  if (!known) response._error = NO_REASON_GIVEN;
}

/**
 * Turn one finished request into the HAR entry the panel stores. Bodies are kept only for failures
 * (decided by core's isFailure once the body is known, so a 200 carrying GraphQL errors counts);
 * successes keep their headers (rate-limit headroom) but lose the body. A kept body is stored
 * decoded and cut to `maxBodyChars`, so the entry and the Exchange derived from it share one string.
 */
export async function captureEntry(
  request: unknown,
  readContent: () => Promise<BodyContent>,
  maxBodyChars: number,
): Promise<HarEntry> {
  const entry = plainHarEntry(request);
  const response = (entry.response ??= {});
  const content: CapturedContent = (response.content ??= {});
  delete content.text;
  delete content.encoding;
  if (wantsBody(entry)) {
    const body = await readContent();
    if (body.text !== undefined) content.text = body.text;
    if (body.encoding !== undefined) content.encoding = body.encoding;
  }
  markNoResponse(entry);
  const exchange = exchangeFromHarEntry(entry, 0, { maxBodyChars });
  if (isFailure(exchange)) keepBody(content, exchange);
  else {
    delete content.text;
    delete content.encoding;
  }
  return entry;
}
