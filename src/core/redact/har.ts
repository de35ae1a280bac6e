import type { Har, HarContent, HarEntry, HarNameValue, HarRequest, HarResponse } from '../har.ts';
import { isHarEntry } from '../is-har-entry.ts';
import { redactJson } from './json.ts';
import { RedactionSession } from './session.ts';
import {
  type BodyScans,
  bodyScans,
  judgeBodyText,
  redactBodyText,
  redactCookieValue,
  redactHeader,
  redactNamedValue,
  redactText,
  redactUrl,
  redactWhole,
  STREAMED_SCAN_ROOM,
  ValueMemo,
} from './values.ts';

type Fields = Record<string, unknown>;

/** A HAR without its entries: what a streaming host holds while entries flow past. */
export interface HarSkeleton {
  log: Omit<Har['log'], 'entries'> & { entries?: unknown };
  [extra: string]: unknown;
}

function base64ToText(base64: string): string | undefined {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function textToBase64(text: string): string {
  let binary = '';
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

/** A short stand-in for a large binary body: its length and a 64-bit FNV-1a digest. */
function digestOf(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 16777619);
    high = Math.imul(high ^ (code + 7), 2246822519);
  }
  return `binary:${text.length}:${(low >>> 0).toString(16)}${(high >>> 0).toString(16)}`;
}

/**
 * The HAR sanitizer, usable entry by entry. "One decision per value across the archive" needs two
 * passes: a value judged sensitive in entry 900 (a tracking id in a cookie) must also be replaced
 * where entry 3 echoes it (a `Location`, a `redirectURL`, a query string). So a host first lets the
 * sanitizer observe every entry, then rewrites them one at a time:
 *
 * ```ts
 * const sanitizer = new HarSanitizer();
 * for (const entry of readEntries(file)) sanitizer.observeEntry(entry);   // pass 1, in order
 * sanitizer.observeRest(skeleton);                                          // log minus entries
 * const head = sanitizer.sanitizeRest(skeleton);                            // log.entries = []
 * for (const entry of readEntries(file)) write(sanitizer.sanitizeEntry(entry)); // pass 2, in order
 * ```
 *
 * Observing judges every value with the same rules as rewriting, and keeps only the distinct
 * values judged sensitive (their characters in one typed array, plus a placeholder each), and the
 * scans of large bodies up to a fixed room of body text (STREAMED_SCAN_ROOM, so pass 2 need not
 * scan them again): memory grows with the number of distinct sensitive values, never with the
 * file. The output equals
 * `sanitizeHar(har)` exactly when both passes see the entries in file order and the rest (pages,
 * comments, custom fields) is observed after the entries, which is what `sanitizeHar` does.
 */
export class HarSanitizer {
  private readonly session = new RedactionSession();
  private readonly scans: BodyScans;
  /** The current pass's outputs for values met before (header values, URLs, `_initiator` frames). */
  private readonly memo = new ValueMemo(this.session);
  private observing = true;

  /**
   * Large bodies' scans (their edits, not their redacted text) are kept between the passes, so
   * the writing pass only adds the known values instead of scanning each body again. `keepScans`
   * (a HAR already in memory, whose body strings are held anyway) keeps every one; otherwise (a
   * streamed host, whose pass 2 reads the bodies again) they are kept up to STREAMED_SCAN_ROOM
   * characters of body text, so memory stays bounded however large the file.
   */
  constructor(options: { keepScans?: boolean; scanRoom?: number } = {}) {
    this.scans = bodyScans(
      options.keepScans === true ? Number.POSITIVE_INFINITY : (options.scanRoom ?? STREAMED_SCAN_ROOM),
    );
  }

  /** Pass 1: judge every value of one entry (anything: a broken item is judged as JSON). */
  observeEntry(item: unknown): void {
    this.mustObserve();
    this.entry(item);
  }

  /** Pass 1, last: judge the log's other fields (pages, comments, custom `_fields`). */
  observeRest(har: HarSkeleton): void {
    this.mustObserve();
    this.rest(har);
  }

  /** Pass 2: the entry with every sensitive value replaced; the input is not modified. */
  sanitizeEntry(item: unknown): unknown {
    this.seal();
    return this.entry(item);
  }

  /** Pass 2: the HAR's other fields, sanitized, with an empty `log.entries` for the host to fill. */
  sanitizeRest(har: HarSkeleton): Har {
    this.seal();
    return this.rest(har);
  }

  /** How many distinct sensitive values were judged (what pass-1 memory grows with). */
  get distinctValues(): number {
    return this.session.size;
  }

  private mustObserve(): void {
    if (!this.observing)
      throw new Error('HarSanitizer: every observe call must come before the first sanitize call');
  }

  private seal(): void {
    if (!this.observing) return;
    this.observing = false;
    this.session.seal();
    // The known values now join every output: what pass 1 remembered no longer holds.
    this.memo.clear();
  }

  private entry(item: unknown): unknown {
    // A broken item (null, a string, an array) is kept where it is so indexes still match the
    // original, but its text is redacted like any other value.
    if (!isHarEntry(item)) return redactJson(item, this.session, this.memo);
    const original = item as HarEntry;
    const out: HarEntry = { ...original };
    this.extras(out);
    const req = this.request(original.request);
    if (req !== undefined) out.request = req;
    const res = this.response(original.response);
    if (res !== undefined) out.response = res;
    return out;
  }

  private rest(har: HarSkeleton): Har {
    const log: Fields = { ...har.log };
    this.extras(log);
    if (Array.isArray(log.pages))
      log.pages = log.pages.map((page: unknown) => {
        if (typeof page !== 'object' || page === null) return redactJson(page, this.session);
        const copy: Fields = { ...(page as Fields) };
        this.extras(copy);
        if (typeof copy.title === 'string')
          copy.title = /^[a-z][a-z0-9+.-]*:/i.test(copy.title)
            ? redactUrl(copy.title, this.session)
            : redactText(copy.title, this.session);
        return copy;
      });
    // HAR 1.2 makes `pages` optional, but Firefox's Network panel cannot import a log without it
    // (devtools/client/netmonitor/src/har/har-importer.js reads `har.log.pages.forEach`).
    if (!Array.isArray(log.pages)) log.pages = [];
    log.entries = [];
    const out: Fields = { ...har, log };
    this.extras(out);
    return out as unknown as Har;
  }

  /** HAR custom `_fields` (Chrome's `_initiator`, `_webSocketMessages`…) and comments may hold anything. */
  private extras(target: Fields): void {
    for (const key of Object.keys(target)) {
      const value = target[key];
      if (key.startsWith('_')) target[key] = redactJson(value, this.session, this.memo);
      else if (key === 'comment' && typeof value === 'string') target[key] = this.text(value);
    }
  }

  /** Free text (a comment, a status text, a file name), remembered for the pass. */
  private text(value: string): string {
    return this.memo.run('t', value, (text) => redactText(text, this.session));
  }

  /** A URL written back into the HAR, remembered for the pass. */
  private url(value: string): string {
    return this.memo.run('u', value, (url) => redactUrl(url, this.session, 'har'));
  }

  /**
   * Name/value pairs; `scope` names the redaction (with the pair's name, it is what the output
   * depends on besides the value, so the memo keys on both).
   */
  private pairs(
    list: HarNameValue[] | undefined,
    scope: string,
    redact: (name: string, value: string) => string,
  ): HarNameValue[] | undefined {
    if (!Array.isArray(list)) return list;
    return list.map((pair) => {
      if (typeof pair !== 'object' || pair === null)
        return redactJson(pair, this.session, this.memo) as HarNameValue;
      const out: HarNameValue = { ...pair };
      if (typeof pair.value === 'string') {
        const name = String(pair.name);
        out.value = this.memo.run(scope + name, pair.value, (value) => redact(name, value));
      }
      if (typeof out.fileName === 'string') out.fileName = this.text(out.fileName);
      this.extras(out);
      return out;
    });
  }

  /**
   * A body redacted, or in the judging pass only judged (that pass's copy of the entry is thrown
   * away, and writing a large body out is as costly as scanning it).
   */
  private body(text: string, mimeType: string): string {
    if (!this.observing) return redactBodyText(text, mimeType, this.session, this.scans);
    judgeBodyText(text, mimeType, this.session, this.scans);
    return text;
  }

  private content(original: HarContent | undefined): HarContent | undefined {
    if (original === undefined || original === null) return original;
    const out: HarContent = { ...original };
    this.extras(out);
    if (typeof original.text !== 'string' || original.text === '') return out;
    const mime = typeof original.mimeType === 'string' ? original.mimeType : '';
    if (String(original.encoding).toLowerCase() !== 'base64') {
      out.text = this.body(original.text, mime);
      return out;
    }
    const text = base64ToText(original.text);
    if (text !== undefined) out.text = this.observing ? text : textToBase64(this.body(text, mime));
    else if (/^(?:image|application\/pdf|video|audio)/i.test(mime)) {
      // A binary image or PDF answered by an API is a customer's document or selfie more often than not.
      out.text = redactWhole('document', digestOf(original.text), this.session);
      delete out.encoding;
      out.comment = 'binary content removed by sanitizer';
    }
    return out;
  }

  private request(original: HarRequest | undefined): HarRequest | undefined {
    if (original === undefined || original === null) return original;
    const session = this.session;
    const out: HarRequest = { ...original };
    this.extras(out);
    if (typeof original.url === 'string') out.url = this.url(original.url);
    const headers = this.pairs(original.headers, 'h', (name, value) => redactHeader(name, value, session));
    if (headers !== undefined) out.headers = headers;
    const query = this.pairs(original.queryString, 'q', (name, value) =>
      redactNamedValue(name, value, session, true),
    );
    if (query !== undefined) out.queryString = query;
    // A cookie's value is judged without its name, so one scope serves every cookie.
    const jar = this.pairs(original.cookies, 'c', (_name, value) => redactCookieValue(value, session));
    if (jar !== undefined) out.cookies = jar;
    if (original.postData !== undefined && original.postData !== null) {
      const post = { ...original.postData };
      this.extras(post);
      if (typeof post.text === 'string') post.text = this.body(post.text, post.mimeType ?? '');
      const params = this.pairs(post.params, 'q', (name, value) =>
        redactNamedValue(name, value, session, true),
      );
      if (params !== undefined) post.params = params;
      out.postData = post;
    }
    return out;
  }

  private response(original: HarResponse | undefined): HarResponse | undefined {
    if (original === undefined || original === null) return original;
    const session = this.session;
    const out: HarResponse = { ...original };
    this.extras(out);
    const headers = this.pairs(original.headers, 'h', (name, value) => redactHeader(name, value, session));
    if (headers !== undefined) out.headers = headers;
    const jar = this.pairs(original.cookies, 'c', (_name, value) => redactCookieValue(value, session));
    if (jar !== undefined) out.cookies = jar;
    const body = this.content(original.content);
    if (body !== undefined) out.content = body;
    if (typeof original.redirectURL === 'string' && original.redirectURL !== '')
      out.redirectURL = this.url(original.redirectURL);
    if (typeof original.statusText === 'string') out.statusText = this.text(original.statusText);
    return out;
  }
}

/**
 * The HAR with every secret and piece of personal data replaced wherever it is (URLs, headers,
 * cookies, query strings, bodies, redirects, custom `_` fields), each value by the same
 * placeholder everywhere in the file, and everything else kept so it is still a valid HAR 1.2:
 * entries, methods, statuses, timings, non-secret headers, URLs re-encoded. Chrome's own
 * "sanitized" export only drops Authorization, Cookie and Set-Cookie. Built on HarSanitizer's two
 * passes, so a streaming host gives the same output. Pure: returns a new object.
 */
export function sanitizeHar(har: Har): Har {
  const sanitizer = new HarSanitizer({ keepScans: true });
  const entries: unknown[] = Array.isArray(har.log.entries) ? har.log.entries : [];
  for (const item of entries) sanitizer.observeEntry(item);
  sanitizer.observeRest(har);
  const out = sanitizer.sanitizeRest(har);
  out.log.entries = entries.map((item) => sanitizer.sanitizeEntry(item)) as HarEntry[];
  return out;
}
