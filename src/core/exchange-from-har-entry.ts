import type { Exchange, Header } from './exchange.ts';
import type { HarContent, HarEntry, HarNameValue } from './har.ts';
import { decodeBodyText } from './decode-body-text.ts';

export interface ExchangeLimits {
  /** Bodies longer than this (in UTF-16 code units) are cut and marked truncated. */
  maxBodyChars: number;
}

const NO_LIMIT: ExchangeLimits = { maxBodyChars: Number.POSITIVE_INFINITY };

const isHeader = (item: HarNameValue): item is HarNameValue & Header =>
  typeof item === 'object' &&
  item !== null &&
  typeof item.name === 'string' &&
  typeof item.value === 'string' &&
  Object.keys(item).length === 2;

/**
 * The entry's headers as the Exchange holds them. A list that already is `{name, value}` strings
 * (what both browsers write) is shared, not copied, and so is each such pair in other lists: the
 * panel keeps both the entry (for the export) and its Exchange for 10,000 failures, and the copies
 * were a fifth of their memory (see StringPool). Nothing edits either in place.
 */
function headersOf(list: readonly HarNameValue[] | undefined): Header[] {
  if (!Array.isArray(list)) return [];
  if (list.every(isHeader)) return list as Header[];
  const headers: Header[] = [];
  for (const item of list)
    if (item && typeof item.name === 'string')
      headers.push(isHeader(item) ? item : { name: item.name, value: String(item.value ?? '') });
  return headers;
}

/** Already the canonical form `toISOString` produces (what Chromium and Firefox write). */
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function startedOf(value: unknown): { startedAt: string; startedMs: number } {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) return { startedAt: new Date(0).toISOString(), startedMs: 0 };
  // Re-formatting every timestamp of a 60,000-entry HAR showed up in the triage profile.
  if (CANONICAL_UTC.test(value as string)) return { startedAt: value as string, startedMs: ms };
  return { startedAt: new Date(ms).toISOString(), startedMs: ms };
}

function networkErrorOf(entry: HarEntry): string | undefined {
  const candidates = [entry.response?._error, entry.response?._failureText, entry._error];
  for (const candidate of candidates) if (typeof candidate === 'string' && candidate !== '') return candidate;
  return undefined;
}

// GraphQL operation names are GraphQL Names (spec §2.1.9 "Names": /[_A-Za-z][_0-9A-Za-z]*/).
const OPERATION_IN_BODY = /"operationName"\s*:\s*"([_A-Za-z][_0-9A-Za-z]{0,127})"/;
const OPERATION_IN_QUERY = /[?&]operationName=([_A-Za-z][_0-9A-Za-z]{0,127})(?:&|#|$)/;

/**
 * The GraphQL over HTTP spec (§"Request Parameters") puts `operationName` in the JSON body of a
 * POST or in the query string of a GET. A batched body names several: the first one is kept. The
 * cheap `includes` gate keeps this off the cost of ordinary requests.
 */
function graphqlOperationNameOf(url: string, body: string | undefined): string | undefined {
  if (body !== undefined && body.includes('"operationName"')) {
    const name = OPERATION_IN_BODY.exec(body)?.[1];
    if (name !== undefined) return name;
  }
  if (url.includes('operationName=')) return OPERATION_IN_QUERY.exec(url)?.[1];
  return undefined;
}

/**
 * Our own HAR extension fields (HAR 1.2 allows `_`-prefixed custom fields): a body the panel cut
 * to its limit carries `_truncatedFrom` (its length before the cut) and a binary body `_binary`, so
 * an exported and re-imported (or CLI-triaged) entry still says the body is incomplete.
 */
function restoreCutMarks(exchange: Exchange, content: HarContent | undefined): void {
  const original = content?.['_truncatedFrom'];
  if (typeof original === 'number' && original > (exchange.responseBody?.length ?? 0)) {
    exchange.responseBodyTruncated = true;
    exchange.responseBodySize = original;
  }
  if (content?.['_binary'] === true) exchange.responseBodyBinary = true;
}

/**
 * Normalise one HAR entry (from a file, or from the browser's devtools.network capture) into an
 * Exchange. Never throws: missing fields become empty values, a status that is not a number
 * becomes 0 (no response) so the failure is still listed.
 */
export function exchangeFromHarEntry(
  entry: HarEntry,
  index: number,
  limits: ExchangeLimits = NO_LIMIT,
): Exchange {
  const request = entry.request ?? {};
  const response = entry.response ?? {};
  const rawStatus = Number(response.status);
  const status = Number.isInteger(rawStatus) && rawStatus >= 100 && rawStatus <= 999 ? rawStatus : 0;
  const exchange: Exchange = {
    index,
    method:
      typeof request.method === 'string' && request.method !== '' ? request.method.toUpperCase() : 'GET',
    url: typeof request.url === 'string' ? request.url : '',
    requestHeaders: headersOf(request.headers),
    status,
    statusText: typeof response.statusText === 'string' ? response.statusText : '',
    responseHeaders: headersOf(response.headers),
    mimeType: typeof response.content?.mimeType === 'string' ? response.content.mimeType : '',
    ...startedOf(entry.startedDateTime),
    durationMs: typeof entry.time === 'number' && entry.time > 0 ? entry.time : 0,
  };
  const postText = request.postData?.text;
  if (typeof postText === 'string' && postText !== '') exchange.requestBody = postText;
  if (typeof request.postData?.mimeType === 'string') exchange.requestMimeType = request.postData.mimeType;
  const operationName = graphqlOperationNameOf(exchange.url, exchange.requestBody);
  if (operationName !== undefined) exchange.graphqlOperationName = operationName;
  Object.assign(exchange, decodeBodyText(response.content, limits.maxBodyChars));
  restoreCutMarks(exchange, response.content);
  const networkError = networkErrorOf(entry);
  if (networkError !== undefined) exchange.networkError = networkError;
  else if (status === 0) exchange.networkError = 'no response';
  return exchange;
}
