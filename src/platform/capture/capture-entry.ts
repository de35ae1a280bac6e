import type { ClassifyOptions } from '../../core/classify.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { HarContent, HarEntry } from '../../core/har.ts';
import { exchangeFromHarEntry } from '../../core/exchange-from-har-entry.ts';
import { failureCanHideIn2xx, isFailure } from '../../core/is-failure.ts';

/**
 * Turning one request object that devtools.network hands out (to onRequestFinished, or in
 * getHAR's entries) into the HAR entry the panel keeps: a plain, cloneable copy, with the
 * response body read only where it can make a failure, and kept only when it did.
 */

/** A response body as getContent gave it, whatever the browser's calling convention. */
export interface BodyContent {
  text?: string;
  /** `base64` when Chromium says so; Firefox does not report an encoding. */
  encoding?: string;
}

/** Extension fields we add to HAR `content` (HAR 1.2 allows `_`-prefixed custom fields). */
export interface CapturedContent extends HarContent {
  /** Length of the body before it was cut to the body limit. */
  _truncatedFrom?: number;
  /** The body was binary and not kept. */
  _binary?: boolean;
}

/**
 * The host mappings and profiles capture judges a failure by: the ones the panel classifies with,
 * read from the same storage (see judging-options.ts), so a 2xx that a user's or organisation's
 * profile declares a failure has its body read and kept before the panel is open.
 */
export type JudgingOptions = Pick<ClassifyOptions, 'hostMap' | 'profiles'>;

/** One finished request as the devtools page passes it on. */
export interface CapturedEntry {
  entry: HarEntry;
  /** Core's isFailure on the entry with its body: what the devtools page's buffer keeps first. */
  failed: boolean;
}

function fromParts(text: unknown, encoding: unknown): BodyContent {
  const content: BodyContent = {};
  if (typeof text === 'string') content.text = text;
  if (typeof encoding === 'string' && encoding !== '') content.encoding = encoding;
  return content;
}

/**
 * getContent's promise result. Chromium's native promise form resolves to `{content, encoding}`;
 * Firefox resolves to `[content, mimeType]` — its second element is a MIME type, not an encoding
 * (MDN devtools.network.Request.getContent), so it is ignored.
 */
export function contentFromPromise(value: unknown): BodyContent {
  if (typeof value === 'string') return { text: value };
  if (Array.isArray(value)) return fromParts(value[0], undefined);
  if (typeof value === 'object' && value !== null) {
    const record = value as { content?: unknown; encoding?: unknown };
    return fromParts(record.content, record.encoding);
  }
  return {};
}

/**
 * getContent's callback arguments: Chromium calls `callback(content, encoding)`. A single
 * argument is treated as a promise-style value so an implementation that hands the callback one
 * object or array is still understood.
 */
export function contentFromCallback(args: readonly unknown[]): BodyContent {
  if (args.length === 1) return contentFromPromise(args[0]);
  return fromParts(args[0], args[1]);
}

/** The one method of a devtools.network request this module calls. */
export interface ContentSource {
  getContent(callback?: (...args: unknown[]) => void): unknown;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Call a devtools API method whose answer comes through a callback or a returned promise,
 * depending on the browser: Chromium's own `chrome.devtools.*` only calls back (and returns
 * undefined), webextension-polyfill passes methods it has no metadata for (getHAR, a request's
 * getContent outside onRequestFinished) through unwrapped, Firefox and native `browser` namespaces
 * return a promise. Both are offered; whichever answers first wins. Gives `fallback` after
 * `timeoutMs`, on a rejection, or when the method throws both ways, so one call that never answers
 * cannot stall the ordered capture queue behind it.
 */
export function callbackOrPromise<T>(
  call: (...callback: [] | [(...args: unknown[]) => void]) => unknown,
  fromCallback: (args: readonly unknown[]) => T,
  fromPromise: (value: unknown) => T,
  fallback: T,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: T): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => settle(fallback), timeoutMs);
    let returned: unknown;
    try {
      returned = call((...args: unknown[]) => settle(fromCallback(args)));
    } catch {
      // An API that validates its arguments (webextension-polyfill's wrapper) rejects the
      // callback: ask again promise-style, with no argument at all. An explicit `undefined` is an
      // argument too: the polyfill's getContent (maxArgs 0) throws on it, and every body was lost.
      try {
        returned = call();
      } catch {
        settle(fallback);
        return;
      }
    }
    if (isThenable(returned))
      returned.then(
        (value) => settle(fromPromise(value)),
        () => settle(fallback),
      );
  });
}

/** Read a response body in every browser (see callbackOrPromise). */
export function readRequestContent(request: ContentSource, timeoutMs = 10_000): Promise<BodyContent> {
  return callbackOrPromise(
    (...callback) => request.getContent(...callback),
    contentFromCallback,
    contentFromPromise,
    {},
    timeoutMs,
  );
}

/**
 * How to read the body of `request`: through its getContent where it has one (every
 * onRequestFinished request; Chromium's getHAR entries), else the text the entry carries (Firefox's
 * getHAR includes response bodies inline, pref `devtools.netmonitor.har.includeResponseBodies`,
 * on by default, and its entries have no methods).
 */
export function contentReader(request: unknown): () => Promise<BodyContent> {
  const source = request as Partial<ContentSource> & HarEntry;
  if (typeof source.getContent === 'function') return () => readRequestContent(source as ContentSource);
  const content = source.response?.content;
  return () => Promise.resolve(fromParts(content?.text, content?.encoding));
}

/**
 * The HAR entry in the request object devtools.network hands out, without its methods
 * (getContent), which cannot cross a BroadcastChannel.
 *
 * The fields are gathered with `for…in`, not by JSON-serialising or spreading the object itself:
 * where the browser has no native `browser` namespace (Chromium before 148, e.g. Debian's Chromium
 * 150 build, which ships without it), webextension-polyfill hands listeners a Proxy over
 * `Object.create(entry)` so it can promisify getContent. That proxy has no own keys, so
 * `JSON.stringify` sees `{}` and every request would become an empty `GET` with status 0; `for…in`
 * walks the prototype chain and finds the entry's fields. Their values are plain data (the
 * browser's extension API built them from a message, or from JSON), so they are taken as they are:
 * a deep copy per field cost more main-thread time than anything else in the devtools page under
 * load (bench:capture profile), and the channel's structured clone copies them anyway.
 */
export function plainHarEntry(request: unknown): HarEntry {
  if (typeof request !== 'object' || request === null) return {};
  const copy: Record<string, unknown> = {};
  // A proxy's getter may throw for a field that is gone; such a field is dropped, the rest kept.
  for (const key in request) {
    try {
      const value: unknown = (request as Record<string, unknown>)[key];
      if (typeof value !== 'function' && value !== undefined) copy[key] = value;
    } catch {
      continue;
    }
  }
  return copy as HarEntry;
}

/**
 * Whether a finished request's body is worth reading, from its exchange before the body is known:
 * error statuses carry the error document; a 2xx only where core says a failure can hide in it
 * (`failureCanHideIn2xx`: an event stream, a provider's 2xx failure rule, a GraphQL call). Plain
 * REST successes are not read: their bodies were ~40 % of the devtools page's garbage-collection
 * sweep under load (issue 11) and would be dropped anyway. Status 0 has no response to read.
 */
function wantsBody(exchange: Exchange, judging: JudgingOptions): boolean {
  return exchange.status >= 400 || failureCanHideIn2xx(exchange, judging);
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

function keepBody(content: CapturedContent, exchange: Exchange): void {
  delete content.encoding;
  if (exchange.responseBody !== undefined) content.text = exchange.responseBody;
  else delete content.text;
  if (exchange.responseBodyTruncated === true && exchange.responseBodySize !== undefined)
    content._truncatedFrom = exchange.responseBodySize;
  if (exchange.responseBodyBinary === true) content._binary = true;
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
  judging: JudgingOptions = {},
): Promise<CapturedEntry> {
  const entry = plainHarEntry(request);
  // The response and its content are edited below: copies, so the browser's objects stay as given.
  const response = (entry.response = { ...entry.response });
  const content: CapturedContent = (response.content = { ...response.content });
  delete content.text;
  delete content.encoding;
  markNoResponse(entry);
  // The exchange before any body is known decides whether to read one; it is built again only
  // when a body was read (most successes are not).
  let exchange = exchangeFromHarEntry(entry, 0, { maxBodyChars });
  if (wantsBody(exchange, judging)) {
    const body = await readContent();
    if (body.text !== undefined) content.text = body.text;
    if (body.encoding !== undefined) content.encoding = body.encoding;
    exchange = exchangeFromHarEntry(entry, 0, { maxBodyChars });
  }
  const failed = isFailure(exchange, judging);
  if (failed) keepBody(content, exchange);
  else {
    delete content.text;
    delete content.encoding;
  }
  return { entry, failed };
}
