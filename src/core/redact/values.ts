import { detectorGates, detectSensitive } from './detect.ts';
import { fieldKind, fitsKind, isCodeCredential, isCodeName, isTextFragment } from './field-names.ts';
import { EditList, redactJsonText, scanJsonText } from './json.ts';
import { codeAt } from './personal-formats.ts';
import { joinPieces, TextBuilder } from './text-builder.ts';
import {
  isDocPlaceholder,
  isDocUserinfo,
  linkSecretSegment,
  mayHoldLink,
  webhookSecretStart,
} from './secret-formats.ts';
import {
  isPlaceholder,
  orderedSpans,
  type RedactionKind,
  type RedactionSession,
  type Span,
} from './session.ts';

/**
 * Redaction of one value by what it is: free text, a URL, a query string, a header, a cookie, a
 * request or response body. Every function takes the session that decides placeholders; once the
 * session is sealed (see `HarSanitizer`), each also replaces the values judged sensitive elsewhere.
 */

/** Percent-decoding that never throws: malformed escapes (`%E0%A4%A`) keep the raw text. */
export function safeDecode(text: string, plusIsSpace = false): string {
  const raw = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The placeholder a span of `text` is replaced by (judging its value if it is new). */
function spanPlaceholder(text: string, span: Span, session: RedactionSession): string {
  return (
    span.placeholder ??
    (span.value === undefined
      ? session.placeholderAt(span.kind, text, span.start, span.end)
      : session.placeholder(span.kind, span.value))
  );
}

/** Replaces the spans of `text` by placeholders (spans ordered, non-overlapping). */
function applySpans(text: string, spans: readonly Span[], session: RedactionSession): string {
  if (spans.length === 0) return text;
  const out = new TextBuilder();
  let from = 0;
  for (const span of spans) {
    out.add(text.slice(from, span.start));
    out.add(spanPlaceholder(text, span, session));
    from = span.end;
  }
  out.add(text.slice(from));
  return out.text();
}

/**
 * The judging pass's verdicts on large bodies, kept for the writing pass (HarSanitizer): per body
 * text, the JSON scan's edits (null when the body is not JSON) and the text with the text scan's
 * spans replaced. A scan runs without the known values, so a kept scan is exactly what scanning
 * again would give, and the writing pass only adds the known values. The maps are keyed by the
 * body text itself, so a kept scan is only ever reused for the very same characters (a Map
 * compares string keys by content: a streamed host that reads the file again hands pass 2 new
 * strings, which still find their scan, and a body that changed between the passes finds none).
 * `room` bounds what the keys (and kept texts) may hold, in characters: a streamed HAR of any size
 * keeps at most that much text alive between the passes; past it, bodies are scanned again.
 */
export interface BodyScans {
  json: Map<string, EditList | null>;
  text: Map<string, string>;
  /** Characters of body text (keys and kept texts) that may still be kept. */
  room: number;
}

/**
 * What a streamed export (HarSanitizer without `keepScans`) may keep between its passes: 16 M
 * characters, so a 5 MB list body is scanned once (its scan was most of the writing pass: issue 9
 * "Cost"), while a HAR of hundreds of MB holds at most ~32 MB of its text (UTF-16) on top of what
 * the host holds.
 */
export const STREAMED_SCAN_ROOM = 16 * 1024 * 1024;

/** Kept scans for an export: `room` characters of body text (Infinity when the HAR is held anyway). */
export function bodyScans(room: number): BodyScans {
  return { json: new Map(), text: new Map(), room };
}

/** Values longer than this are not remembered (a body-sized string is judged where it stands). */
const MEMO_VALUE_LIMIT = 2048;
/** Remembered outputs per memo before it starts over (bounds a streamed export's memory). */
const MEMO_LIMIT = 65_536;

/**
 * The outputs of one pass's value functions, by value: a HAR repeats the same header values,
 * URLs, cookies and `_initiator` frames in thousands of entries, and each was run through every
 * detector again (the CLI's sanitize spent most of its time there). The same value gives the same
 * output within a pass — its spans are decided by the value, and a value judged once keeps its
 * placeholder — except where a verdict waits on other values (a documentation placeholder under a
 * sensitive name, counted in `session.undecided`): such an output is never remembered. A memo
 * serves one pass (the known values change the output once a session is sealed), holds at most
 * MEMO_LIMIT outputs of values up to MEMO_VALUE_LIMIT characters, and starts over when full, so
 * memory stays bounded however long the archive.
 */
export class ValueMemo {
  private scopes = new Map<string, Map<string, string>>();
  private count = 0;

  constructor(private readonly session: RedactionSession) {}

  /** `work(value)`'s output, remembered under `scope` (what else the output depends on: a name). */
  run(scope: string, value: string, work: (value: string) => string): string {
    if (value.length > MEMO_VALUE_LIMIT) return work(value);
    let outputs = this.scopes.get(scope);
    const known = outputs?.get(value);
    if (known !== undefined) return known;
    const undecided = this.session.undecided;
    const out = work(value);
    if (this.session.undecided !== undecided) return out;
    if (this.count >= MEMO_LIMIT) {
      this.clear();
      outputs = undefined;
    }
    if (outputs === undefined) {
      outputs = new Map<string, string>();
      this.scopes.set(scope, outputs);
    }
    outputs.set(value, out);
    this.count++;
    return out;
  }

  /** Forgets every output (at the end of a pass). */
  clear(): void {
    this.scopes = new Map();
    this.count = 0;
  }
}

/** Bodies from this length on are worth keeping a scan of (a Map lookup costs less than a scan). */
export const KEPT_SCAN_LENGTH = 16_384;

/** Whether a scan of `text` would be kept in `scans` (large enough, and room left for it). */
export function mayKeep(scans: BodyScans | undefined, text: string): boolean {
  return scans !== undefined && text.length >= KEPT_SCAN_LENGTH && text.length <= scans.room;
}

/**
 * The scan of `text` kept in `scans`, or a new one, kept if the text is large, there is room for it
 * (`cost`: the characters keeping it holds alive beyond the scan), and the scan did not depend on
 * when it ran: a scan that left a value as it stood because it read as a documentation
 * placeholder (see redactWholeAt) is run again in the writing pass, when the same value may have
 * been judged elsewhere since.
 */
export function keptScan<T>(
  scans: BodyScans | undefined,
  kept: Map<string, T> | undefined,
  text: string,
  session: RedactionSession,
  scan: () => T,
  cost = (_result: T) => text.length,
): T {
  const found = kept?.get(text);
  if (found !== undefined) return found;
  const undecided = session.undecided;
  const result = session.withoutKnown(scan);
  if (
    scans !== undefined &&
    kept !== undefined &&
    text.length >= KEPT_SCAN_LENGTH &&
    session.undecided === undecided
  ) {
    const size = cost(result);
    if (size <= scans.room) {
      scans.room -= size;
      kept.set(text, result);
    }
  }
  return result;
}

/**
 * A free text with the detectors' spans replaced, without the known values (values judged as
 * found). Kept between the passes as that text, not as its spans: a hundred thousand span objects
 * held from one pass to the next cost the collector more than the text they make.
 */
function textScan(text: string, session: RedactionSession): string {
  if (text.length < 4) return text;
  const spans = detectSensitive(text);
  return spans.length === 0 ? text : applySpans(text, spans, session);
}

/**
 * Whether `text` certainly comes back unchanged from redactText, in each of its parts too: no
 * percent escape (decoding could reveal a trigger), no detector family can match (the gates of the
 * whole text admit whatever the gates of a part admit: a token run or a word only grows when parts
 * are joined, and the gates' one-word rule closes only on a text with no separator, whose one
 * part is itself), and no known value occurs. Lets a URL path of ordinary segments skip the work per
 * segment. `gates`: detectorGates of `text`, undefined when it holds a percent escape.
 */
function unchangedText(text: string, session: RedactionSession, gates: number | undefined): boolean {
  if (gates !== 0) return false;
  const known = session.known();
  if (known === undefined || known.size === 0) return true;
  const spans: Span[] = [];
  known.find(text, 0, text.length, false, spans);
  return spans.length === 0;
}

/**
 * Free text with every detected secret, piece of personal data and known value replaced. `gates`:
 * detectorGates of `text`, when the caller has worked them out.
 */
export function redactText(text: string, session: RedactionSession, gates?: number): string {
  if (text.length < 4) return text;
  const spans = detectSensitive(text, 0, text.length, gates);
  const known = session.known();
  if (known !== undefined && known.size > 0) {
    const before = spans.length;
    known.find(text, 0, text.length, false, spans);
    if (spans.length !== before) return applySpans(text, orderedSpans(spans), session);
  }
  return spans.length === 0 ? text : applySpans(text, spans, session);
}

/**
 * `text` with only the values judged elsewhere replaced, no detector run: a value whose field
 * decides it holds nothing new (an identifier's digits) still takes the placeholder its value got
 * where it was judged (one decision per value).
 */
export function redactKnown(text: string, session: RedactionSession): string {
  const known = session.known();
  if (text.length < 4 || known === undefined || known.size === 0) return text;
  const spans: Span[] = [];
  known.find(text, 0, text.length, false, spans);
  return spans.length === 0 ? text : applySpans(text, orderedSpans(spans), session);
}

/**
 * A value redacted whole because of where it stood (a cookie, a field named `password`). Its own
 * shape decides the kind when a format covers all of it (an email in a cookie is an `[email]`),
 * and a value judged before keeps the placeholder it got then: one decision per value.
 */
/** Kinds given by position alone (a cookie, a field named `secret`), which the value's shape may refine. */
const GENERIC_KINDS = new Set<RedactionKind>([
  'cookie',
  'secret',
  'credential',
  'session',
  'token',
  'password',
  'api-key',
]);

/** The openings of a public key: OpenPGP armour (RFC 4880 §6.2), PEM (RFC 7468 §13), OpenSSH (RFC 4253 §6.6). */
const PUBLIC_KEY_STARTS = [
  '-----BEGIN PGP PUBLIC KEY BLOCK-----',
  '-----BEGIN PUBLIC KEY-----',
  '-----BEGIN RSA PUBLIC KEY-----',
  'ssh-rsa AAAA',
  'ssh-ed25519 AAAA',
  'ssh-dss AAAA',
  'ecdsa-sha2-nistp',
  'sk-ssh-ed25519@openssh.com AAAA',
];

function isPublicKeyAt(text: string, start: number, end: number): boolean {
  return end - start > 20 && PUBLIC_KEY_STARTS.some((opening) => text.startsWith(opening, start));
}

export function redactWhole(kind: RedactionKind, value: string, session: RedactionSession): string {
  return redactWholeAt(kind, value, 0, value.length, session);
}

export function redactWholeAt(
  kind: RedactionKind,
  text: string,
  start: number,
  end: number,
  session: RedactionSession,
): string {
  // A name that already says what the value is (email, phone, name…) needs no second opinion
  // (placeholderAt keeps the placeholder of a value judged before, so one lookup does both).
  if (!GENERIC_KINDS.has(kind)) {
    // `"full_name": "octo-org/Hello-World"`, `"billing.card.number": "Card number"`: not that data.
    if (!fitsKind(kind, text, start, end)) return redactTextOrUrl(text.slice(start, end), session);
    return session.placeholderAt(kind, text, start, end);
  }
  const existing = session.existingAt(text, start, end);
  if (existing !== undefined) return existing;
  // A key or token is one word: a sentence under such a name (PagerDuty's event
  // `details.customKey: "Server is on fire!"`) is text, and the detectors judge it.
  if ((kind === 'api-key' || kind === 'token') && isSentence(text, start, end))
    return redactText(text.slice(start, end), session);
  // A language model's token under a field named `token` (see isTextFragment).
  if (kind === 'token' && isTextFragment(text, start, end))
    return redactText(text.slice(start, end), session);
  // A public key is published to be shared (GitHub's GPG keys: `raw_key: "-----BEGIN PGP PUBLIC
  // KEY BLOCK-----…"`; SSH keys: `key: "ssh-ed25519 AAAA… jane@host"`): its comment, which may
  // name someone, is judged as text.
  if (isPublicKeyAt(text, start, end)) return redactText(text.slice(start, end), session);
  // `"client_secret": "YOUR_SECRET"`, `password=<password>`: documentation, not a credential —
  // unless the same value was judged elsewhere, which a later entry may still do.
  if (end - start <= 64 && isDocPlaceholder(text.slice(start, end))) {
    session.undecided++;
    return text.slice(start, end);
  }
  const spans = detectSensitive(text, start, end);
  const only = spans.length === 1 ? spans[0] : undefined;
  const judged = only !== undefined && only.start === start && only.end === end ? only.kind : kind;
  return session.placeholderAt(judged, text, start, end);
}

/**
 * A whole URL: a scheme, then no white space, which no URI holds (RFC 3986 §2). A message that
 * opens with a URL and goes on in words is text: read as one URL, `https://url:8000 @something
 * else` came back as `https://%5Bcredential-1%5D@something%20else`, its words percent-encoded.
 */
const WHOLE_URL = /^https?:\/\/\S*$/i;

/**
 * A value that is text or a whole URL (callback_url, next links, Chrome's `_initiator`, a webhook
 * under an address word): a URL goes through redactUrl, so its percent-encoded query values are
 * decoded before they are judged and a placeholder inside it is written percent-encoded.
 */
/** `gates`: the detector gates of `value`, when the caller has worked them out (see redactText). */
export function redactTextOrUrl(value: string, session: RedactionSession, gates?: number): string {
  return WHOLE_URL.test(value) ? redactUrl(value, session) : redactText(value, session, gates);
}

/**
 * Three words or more, none of 16 characters, between single spaces: a sentence, never a key
 * (`Bearer …`, `Token token=…` and `Basic …` are two words, and stay whole).
 */
function isSentence(text: string, start: number, end: number): boolean {
  let spaces = 0;
  let word = 0;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 32) {
      if (word === 0) return false;
      spaces++;
      word = 0;
    } else if (++word >= 16) return false;
  }
  return spaces >= 2 && word > 0;
}

/**
 * One named value (query parameter, form field, cookie, HAR name/value pair): a sensitive name
 * replaces the value whole; an OAuth `code` only when it looks generated; any other value passes
 * the text detectors.
 */
export function redactNamedValue(
  name: string,
  value: string,
  session: RedactionSession,
  inQuery = false,
): string {
  if (value === '' || isPlaceholder(value)) return value;
  const kind = fieldKind(name);
  if (kind !== undefined) return redactWhole(kind, value, session);
  if (inQuery && isCodeName(name) && isCodeCredential(value, true))
    return redactWhole('secret', value, session);
  return redactText(value, session);
}

// URLs ------------------------------------------------------------------------------------------

// RFC 3986 Appendix B, the URI-reference regex: scheme, authority, path, query, fragment.
const URI = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

/**
 * ASCII characters RFC 3986 allows raw in a URI (unreserved and reserved, §2.2–2.3); `%` only
 * where it starts an escape (§2.1), checked on its own.
 */
const URI_CODES = new Uint8Array(128);
for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=")
  URI_CODES[char.charCodeAt(0)] = 1;

/**
 * The first character URI_CODES and a `%XX` escape leave out, found natively: a URL rewritten with
 * its parts percent-encoded is valid throughout, and validUri's walk over it was 8 % of sanitizing
 * a megabyte-long one (a native scan costs about half as much). Kept in step with URI_CODES (a
 * unit test compares them on every ASCII character).
 */
const NOT_URI = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]|%(?![0-9A-Fa-f]{2})/;

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
}

/** The gap between two escapes copied a code unit at a time, below this length (see TextBuilder). */
const SHORT_GAP = 32;

const HEX_DIGITS = '0123456789ABCDEF';

/**
 * Percent-encodes what may not appear raw in a URI (spaces, quotes, non-ASCII, a `%` not followed
 * by two hex digits), so a URL written back into a HAR validates as `format: uri`. A URL in a body
 * can be megabytes with a space every few characters (`q=a b a b …`): appending a character at a
 * time with `+=` cost over 100x JSON.parse per MB in garbage, a replace with a function per run
 * (~1 µs a run) 150x, encodeURIComponent per non-ASCII character ~110x. Escapes (UTF-8, written
 * here) and short gaps go into a TextBuilder a code unit at a time, long gaps as slices.
 */
function validUri(text: string): string {
  const first = text.search(NOT_URI);
  if (first === -1) return text;
  let out: TextBuilder | undefined;
  let copied = 0;
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (URI_CODES[code] === 1) continue;
      if (code === 37 && isHexCode(text.charCodeAt(i + 1)) && isHexCode(text.charCodeAt(i + 2))) continue;
    }
    out ??= new TextBuilder();
    if (i - copied >= SHORT_GAP) out.add(text.slice(copied, i));
    else for (let k = copied; k < i; k++) out.addCode(text.charCodeAt(k));
    let point = code;
    if (code >= 0xd800 && code <= 0xdfff) {
      // A surrogate pair is one code point; a lone half has no UTF-8 form and is written as
      // U+FFFD (see encodeComponent).
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        point = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else point = 0xfffd;
    }
    addUtf8Escapes(out, point);
    copied = i + 1;
  }
  if (out === undefined) return text;
  out.add(text.slice(copied));
  return out.text();
}

/** `%XX` for each UTF-8 byte of a code point (RFC 3986 §2.5, as encodeURIComponent writes them). */
function addUtf8Escapes(out: TextBuilder, point: number): void {
  if (point < 0x80) addEscape(out, point);
  else if (point < 0x800) {
    addEscape(out, 0xc0 | (point >> 6));
    addEscape(out, 0x80 | (point & 63));
  } else if (point < 0x10000) {
    addEscape(out, 0xe0 | (point >> 12));
    addEscape(out, 0x80 | ((point >> 6) & 63));
    addEscape(out, 0x80 | (point & 63));
  } else {
    addEscape(out, 0xf0 | (point >> 18));
    addEscape(out, 0x80 | ((point >> 12) & 63));
    addEscape(out, 0x80 | ((point >> 6) & 63));
    addEscape(out, 0x80 | (point & 63));
  }
}

/**
 * One `%XX` (a function of its own, not a closure per call: a build that keeps function names,
 * as tsx does, renamed each new closure through Object.defineProperty and made this 2x slower).
 */
function addEscape(out: TextBuilder, byte: number): void {
  out.addCode(37);
  out.addCode(HEX_DIGITS.charCodeAt(byte >> 4));
  out.addCode(HEX_DIGITS.charCodeAt(byte & 15));
}

/**
 * How a redacted URL is written: decoded for reading (a ticket), encoded where it changed (a URL
 * inside a body), or as a valid URI whatever the input was (a HAR's `url`, `redirectURL`).
 */
export type UrlForm = 'display' | 'encoded' | 'har';

/** A surrogate half without its other half (matched by code unit: no `u` flag). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * encodeURIComponent that cannot throw: a lone surrogate (a JSON string may spell one, `"\ud800"`)
 * has no UTF-8 form and makes encodeURIComponent throw a URIError, which failed the whole export.
 * It is written as U+FFFD, as the WHATWG URL parser's UTF-8 percent-encode does
 * (https://url.spec.whatwg.org/#utf-8-percent-encode, through the Encoding standard's "UTF-8 encode").
 */
function encodeComponent(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));
}

function encodePart(text: string, form: UrlForm): string {
  return form === 'display' ? text : encodeComponent(text);
}

/**
 * A URL path, segment by segment: each decoded segment passes the detectors (`/users/ann@x.io`) and
 * the known values. A route word (`/auth/token`, `/password/reset`) is never a secret, nor is the
 * segment after it: a value is judged by its shape. A webhook path (Slack, Discord, Teams) is the
 * credential itself and goes whole.
 */
export function redactPath(
  path: string,
  session: RedactionSession,
  form: UrlForm = 'display',
  host = '',
): string {
  const secret = host === '' ? -1 : webhookSecretStart(host, path);
  if (secret !== -1)
    return (
      path.slice(0, secret) + encodePart(session.placeholder('token', safeDecode(path.slice(secret))), form)
    );
  const link = mayHoldLink(path) ? linkSecretSegment(path.split('/')) : -1;
  // The path's gates, unless a percent escape sends each segment to be decoded and judged anyway.
  const gates = path.includes('%') ? undefined : detectorGates(path);
  if (link === -1 && unchangedText(path, session, gates)) return path;
  const segments = path.split('/');
  // A segment met again is written as it was the first time (a value keeps its placeholder): a
  // text of `http://http://…` read as one URL had tens of thousands of segments, each detected.
  const written = segments.length > 16 ? new Map<string, string>() : undefined;
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    const known = written?.get(raw);
    if (known !== undefined) {
      segments[i] = known;
      continue;
    }
    const decoded = safeDecode(raw);
    // A segment that is most of the path takes the path's gates, which admit whatever its own
    // admit (see unchangedText; any family more only runs and finds nothing): a path of one long
    // segment was walked twice, a twelfth of sanitizing a megabyte-long URL.
    const own = gates !== undefined && decoded === raw && 2 * raw.length > path.length ? gates : undefined;
    const redacted = i === link ? session.placeholder('token', decoded) : redactText(decoded, session, own);
    if (redacted !== decoded) segments[i] = encodePart(redacted, form);
    else if (form === 'display') segments[i] = decoded;
    written?.set(raw, segments[i] ?? raw);
  }
  return joinPieces(segments, '/');
}

/**
 * `a=1&b=2` (a URL query, an `application/x-www-form-urlencoded` body, an OAuth implicit-flow
 * `#fragment`): names kept, values decoded and redacted by name and content. A value that needed no
 * change keeps its original encoding, so an untouched query is byte-for-byte the same.
 */
export function redactQuery(query: string, session: RedactionSession, form: UrlForm = 'encoded'): string {
  if (query === '') return query;
  const pairs = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq === -1) {
      const decoded = safeDecode(pair, true);
      const redacted = redactText(decoded, session);
      return redacted === decoded ? pair : encodePart(redacted, form);
    }
    const rawName = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    const name = safeDecode(rawName, true);
    const value = safeDecode(raw, true);
    const redacted = redactNamedValue(name, value, session, true);
    const redactedName = redactText(name, session);
    return `${redactedName === name ? rawName : encodePart(redactedName, form)}=${redacted === value ? raw : encodePart(redacted, form)}`;
  });
  return joinPieces(pairs, '&');
}

function redactAuthority(authority: string, session: RedactionSession, form: UrlForm): string {
  const at = authority.lastIndexOf('@');
  if (at === -1 || isDocUserinfo(safeDecode(authority.slice(0, at)))) return authority;
  return `${encodePart(session.placeholder('credential', safeDecode(authority.slice(0, at))), form)}${authority.slice(at)}`;
}

/**
 * A URL (absolute or a reference like `/v1/x?y=z`) with userinfo, webhook secrets, sensitive
 * path segments, query values and fragment parameters replaced; scheme, host and structure kept so
 * it still reads as the same endpoint. `encoded` (the default) writes a valid URI for a HAR field;
 * `display` writes decoded text for a reader.
 */
export function redactUrl(url: string, session: RedactionSession, form: UrlForm = 'encoded'): string {
  const parts = URI.exec(url);
  if (parts === null) return redactText(url, session);
  const [, scheme, authority, path = '', query, fragment] = parts;
  let out = scheme === undefined ? '' : `${scheme}:`;
  let host = '';
  if (authority !== undefined) {
    out += `//${redactAuthority(authority, session, form)}`;
    host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  }
  out += redactPath(path, session, form, host);
  if (query !== undefined) out += `?${redactQuery(query, session, form)}`;
  if (fragment !== undefined) {
    if (fragment.includes('=')) out += `#${redactQuery(fragment, session, form)}`;
    else {
      const decoded = safeDecode(fragment);
      const redacted = redactText(decoded, session);
      out += `#${redacted === decoded ? fragment : encodePart(redacted, form)}`;
    }
  }
  if (form === 'har' || (form === 'encoded' && out !== url)) return validUri(out);
  return out;
}

// Headers and cookies ---------------------------------------------------------------------------

/** `a=1; b=2` (Cookie, RFC 6265 §4.2): names kept, every value replaced. */
export function redactCookieHeader(value: string, session: RedactionSession): string {
  const pairs = value.split(';').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq === -1) return pair.trim() === '' ? pair : redactWhole('cookie', pair.trim(), session);
    const cookie = pair.slice(eq + 1).trim();
    if (cookie === '' || isPlaceholder(cookie)) return pair;
    return `${pair.slice(0, eq + 1)}${redactCookieValue(cookie, session)}`;
  });
  return joinPieces(pairs, ';');
}

/** One cookie value: replaced whole, its percent-decoded form judged (RFC 6265 §4.1.1). */
export function redactCookieValue(value: string, session: RedactionSession): string {
  if (value === '' || isPlaceholder(value)) return value;
  return redactWhole('cookie', value, session);
}

/**
 * `name=value; Path=/; HttpOnly` (Set-Cookie, RFC 6265 §4.1): the value goes; the attributes pass
 * the detectors. The cookie's value ends at the first `;` (§5.2), so whatever a server wrote past
 * it is read as attributes: a value that itself held `;` (an AWS SigV4 `…, SignedHeaders=host;
 * x-amz-date, Signature=…` set as a cookie) left its signature there in clear. `Path=/`,
 * `Domain=`, `Expires=` dates and the flags match no detector and stay as they are.
 */
function redactSetCookie(value: string, session: RedactionSession): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  return redactCookieHeader(first, session) + (semi === -1 ? '' : redactText(value.slice(semi), session));
}

/** Headers whose value is a URL (RFC 9110 §10.1.3 Referer, §10.2.2 Location; HTTP/2 `:path`). */
const URL_HEADERS = new Set(['referer', 'location', 'content-location', ':path']);

/**
 * Headers whose value is the request's host (RFC 9110 §7.2 Host, RFC 9113 §8.3.1 `:authority`,
 * and the de facto X-Forwarded-Host): kept as the request URL's host is (redactAuthority), so a
 * known value that is also a label of the host (an organisation's handle judged a name elsewhere)
 * does not turn `api.github.com` into `api.[name-1].com` in the header beside the kept URL.
 */
const HOST_HEADERS = new Set(['host', ':authority', 'x-forwarded-host']);

/** `Bearer xyz` keeps its scheme word (support needs to know which kind was sent), the rest goes. */
function redactCredentialValue(value: string, kind: RedactionKind, session: RedactionSession): string {
  const scheme = /^([A-Za-z][A-Za-z0-9-]*) +(?=\S)/.exec(value);
  if (scheme === null || value.length - scheme[0].length < 4) return redactWhole(kind, value, session);
  const rest = value.slice(scheme[0].length);
  const restKind = /^bearer$/i.test(scheme[1] ?? '') ? 'token' : kind;
  return `${scheme[0]}${redactWhole(restKind, rest, session)}`;
}

/**
 * One header value, by name: cookies keep their names, credentials their scheme, URL-valued headers
 * go through redactUrl, credential-named headers (X-Api-Key, DD-APPLICATION-KEY,
 * Ocp-Apim-Subscription-Key…) are replaced whole, and anything else passes the detectors.
 */
export function redactHeader(name: string, value: string, session: RedactionSession): string {
  if (value === '' || isPlaceholder(value)) return value;
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookieHeader(value, session);
  if (lower === 'set-cookie')
    return joinPieces(
      value.split('\n').map((line) => redactSetCookie(line, session)),
      '\n',
    );
  if (URL_HEADERS.has(lower)) return redactUrl(value, session, 'har');
  if (HOST_HEADERS.has(lower)) return value;
  const kind = fieldKind(lower);
  if (kind === 'credential' || kind === 'token') return redactCredentialValue(value, kind, session);
  if (kind !== undefined) return redactWhole(kind, value, session);
  // A header named `key`, `code` or `appid` (see isCodeName) holds a credential only when the
  // value looks generated: outside a query the same names hold ids and codes too.
  if (isCodeName(lower) && isCodeCredential(value, false)) return redactWhole('secret', value, session);
  return redactText(value, session);
}

// Bodies -----------------------------------------------------------------------------------------

/** The `boundary` parameter of a multipart Content-Type (RFC 2046 §5.1.1), read without a regex. */
function multipartBoundary(mimeType: string): string | undefined {
  if (!/^\s*multipart\//i.test(mimeType)) return undefined;
  const at = mimeType.search(/[;\s]boundary=/i);
  if (at === -1) return undefined;
  const rest = mimeType.slice(at + 10);
  const close = rest.startsWith('"') ? rest.indexOf('"', 1) : -1;
  const value = rest.startsWith('"')
    ? rest.slice(1, close === -1 ? undefined : close)
    : (rest.split(/[;\s]/)[0] ?? '');
  return value === '' ? undefined : value;
}

/**
 * `multipart/form-data` (RFC 7578): each part's body is redacted by the part's field name (from
 * Content-Disposition), headers included; the boundary structure is kept.
 */
function redactMultipart(text: string, boundary: string, session: RedactionSession): string {
  const delimiter = `--${boundary}`;
  const parts = text.split(delimiter).map((part) => {
    const split = part.search(/\r?\n\r?\n/);
    if (split === -1) return redactText(part, session);
    const headers = part.slice(0, split);
    const gap = /^\r?\n\r?\n/.exec(part.slice(split))?.[0] ?? '';
    const body = part.slice(split + gap.length);
    const trailing = /\r?\n$/.exec(body)?.[0] ?? '';
    const content = body.slice(0, body.length - trailing.length);
    const name = /\bname="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const redacted = redactNamedValue(name, content, session, true);
    return `${redactText(headers, session)}${gap}${redacted}${trailing}`;
  });
  return joinPieces(parts, delimiter);
}

/**
 * A request or response body by its type: JSON scanned key-aware, form bodies and multipart by
 * field name, anything else (HTML, XML, plain text, a JSON that does not parse) as text.
 */
export function redactBodyText(
  text: string,
  mimeType: string,
  session: RedactionSession,
  scans?: BodyScans,
): string {
  return bodyText(text, mimeType, session, scans, false) ?? text;
}

/**
 * Judges every value of a body as redactBodyText would, without writing the redacted body: the
 * judging pass of an export (HarSanitizer) throws that text away, and a large body's output (a
 * rope of two pieces per edit) cost as much as its scan on bodies with many matches.
 */
export function judgeBodyText(
  text: string,
  mimeType: string,
  session: RedactionSession,
  scans?: BodyScans,
): void {
  bodyText(text, mimeType, session, scans, true);
}

/** The redacted body, or undefined when `judgeOnly` (then only the session learns its values). */
function bodyText(
  text: string,
  mimeType: string,
  session: RedactionSession,
  scans: BodyScans | undefined,
  judgeOnly: boolean,
): string | undefined {
  const type = mimeType.toLowerCase();
  const first = codeAt(text.trimStart(), 0);
  if (type.includes('json') || first === 123 || first === 91) {
    if (judgeOnly) {
      if (scanJsonText(text, session, scans) !== null) return undefined;
    } else {
      const json = redactJsonText(text, session, scans);
      if (json !== undefined) return json;
    }
  }
  if (type.includes('x-www-form-urlencoded')) return redactQuery(text, session);
  const boundary = multipartBoundary(mimeType);
  if (boundary !== undefined) return redactMultipart(text, boundary, session);
  if (judgeOnly && !mayKeep(scans, text)) {
    // Nothing to keep: the values are judged, and no text is written.
    if (text.length >= 4) for (const span of detectSensitive(text)) spanPlaceholder(text, span, session);
    return undefined;
  }
  // A kept text holds the body and its scanned copy (the same string when nothing was found).
  const scanned = keptScan(
    scans,
    scans?.text,
    text,
    session,
    () => textScan(text, session),
    (out) => (out === text ? text.length : text.length + out.length),
  );
  if (judgeOnly) return undefined;
  const known = session.known();
  if (known === undefined || known.size === 0) return scanned;
  // The known values over the scanned text (find skips the placeholders the scan wrote).
  const spans: Span[] = [];
  known.find(scanned, 0, scanned.length, false, spans);
  return spans.length === 0 ? scanned : applySpans(scanned, spans, session);
}

/**
 * What judging found nothing in, across sessions (a ticket judges each exchange in a session of its
 * own, so ValueMemo, which serves one session, cannot help there): `kind` + value (a header's name, a body's type)
 * whose judging neither issued a placeholder nor left a verdict open. Such a judgment is a function
 * of the text alone (the detectors and field-name rules are pure; the session only numbers what
 * they find and, once sealed, replaces known values, which issues nothing), so it is skipped when
 * the same text comes again: `Accept`, `User-Agent`, `Server`, `Date` and most other headers repeat
 * in thousands of entries of one HAR, and judging them again was most of a ticket's cost in the
 * failure-heavy triage profile (issue 12). Anything judgment changes is never remembered. Bounded by
 * characters, so a long session or a streamed HAR of any size holds at most ~1 MB here.
 */
export class CleanJudgments {
  static readonly #MAX_CHARS = 512 * 1024;
  /** Texts longer than this are rarely repeated and would fill the budget: judged every time. */
  static readonly #MAX_TEXT = 2048;
  /**
   * Clean texts by what decides how they are judged besides the text (a header's name, a body's
   * type, '' for a URL), one table per kind of value: lookups build no key string.
   */
  readonly urls = new Map<string, Set<string>>();
  readonly headers = new Map<string, Set<string>>();
  readonly bodies = new Map<string, Set<string>>();
  #chars = 0;

  /** Judges `text` unless it was judged clean before under `name`; remembers it if it is clean now. */
  judge(table: Map<string, Set<string>>, name: string, text: string, session: RedactionSession): void {
    if (text.length > CleanJudgments.#MAX_TEXT) {
      this.#run(table, name, text, session);
      return;
    }
    if (table.get(name)?.has(text) === true) return;
    const size = session.size;
    const undecided = session.undecided;
    const out = this.#run(table, name, text, session);
    if (session.size !== size || session.undecided !== undecided || (out !== undefined && out !== text))
      return;
    const cost = name.length + text.length;
    if (this.#chars + cost > CleanJudgments.#MAX_CHARS) {
      this.urls.clear();
      this.headers.clear();
      this.bodies.clear();
      this.#chars = 0;
    }
    let texts = table.get(name);
    if (texts === undefined) table.set(name, (texts = new Set()));
    texts.add(text);
    this.#chars += cost;
  }

  /** Judges `text` as the table says it is: a URL, a header value under `name`, a body of type `name`. */
  #run(table: Map<string, Set<string>>, name: string, text: string, session: RedactionSession): unknown {
    if (table === this.headers) return redactHeader(name, text, session);
    if (table === this.urls) return redactUrl(text, session);
    return judgeBodyText(text, name, session);
  }
}
