import { PAST_ASCII, scratchCodes } from './ascii-codes.ts';
import { codeAt, isAsciiLetter, isDigit } from './personal-formats.ts';

/**
 * The typed placeholders a redacted value becomes (`[email-1]`, `[api-key-2]`), and the session
 * that hands them out: one decision per value, the same value always the same placeholder.
 */

export const SECRET_KINDS = [
  'api-key',
  'token',
  'jwt',
  'private-key',
  'password',
  'secret',
  'credential',
  'cookie',
  'session',
] as const;

export const PERSONAL_KINDS = [
  'email',
  'phone',
  'card',
  'iban',
  'bank-account',
  'national-id',
  'ip',
  'dob',
  'name',
  'address',
  'document',
  // A device's hardware address (MAC, EUI-48): see findMacAddresses.
  'device-id',
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];
export type PersonalKind = (typeof PERSONAL_KINDS)[number];
export type RedactionKind = SecretKind | PersonalKind;

const KINDS: readonly RedactionKind[] = [...SECRET_KINDS, ...PERSONAL_KINDS];
const KIND_INDEX = new Map<string, number>(KINDS.map((kind, index) => [kind, index]));
/** Per kind (an object's property lookup: cheaper than a Set's hash in the detectors' hot loops). */
const PERSONAL = Object.fromEntries(
  KINDS.map((kind) => [kind, PERSONAL_KINDS.includes(kind as PersonalKind)]),
) as Record<RedactionKind, boolean>;

export function isPersonalKind(kind: RedactionKind): kind is PersonalKind {
  return PERSONAL[kind] === true;
}

/** A placeholder as issued: `[email-1]`, `[api-key-12]`. */
export const PLACEHOLDER_PATTERN = /\[([a-z]+(?:-[a-z]+)*)-(\d+)\]/g;
const WHOLE = /^\[[a-z]+(?:-[a-z]+)*-\d+\]$/;

/** The text is exactly one placeholder (so redacting it again would only lose information). */
export function isPlaceholder(text: string): boolean {
  return text.length < 40 && text.charCodeAt(0) === 91 && WHOLE.test(text);
}

/** Where a placeholder starting at `at` (a `[`) ends, or -1 when none starts there. */
export function placeholderEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 91) return -1;
  let i = at + 1;
  const limit = Math.min(text.length, at + 40);
  let letters = 0;
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) letters++;
    else if (code === 45 && letters > 0) {
      const next = text.charCodeAt(i + 1);
      if (next >= 48 && next <= 57) {
        let j = i + 1;
        while (j < limit && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        if (text.charCodeAt(j) === 93) return j + 1;
      }
      letters = 0;
    } else return -1;
    i++;
  }
  return -1;
}

/** A stretch of text to replace; `placeholder` set when the replacement is already decided. */
export interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  /** The value that identifies the span when it differs from the text (a decoded URL value). */
  value?: string;
  placeholder?: string;
}

/**
 * Non-overlapping spans, ordered; where two overlap the one starting first (then longer) wins,
 * and when the other is a secret it reaches to the end of both: in `01 822718846:AApv…` a
 * trunk-prefixed phone ends inside the Telegram token that follows it, and keeping the phone
 * alone left the rest of the token in the text. (A personal finding that runs on is dropped as
 * before: `ann:pw12345@db.test` keeps its host after the credential.) The union is one new value
 * (no decided placeholder or decoded value).
 */
export function orderedSpans(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  // One family's spans usually come in order already: then there is nothing to sort.
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++)
    ordered = (spans[i]?.start ?? 0) >= (spans[i - 1]?.end ?? 0);
  if (ordered) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let reach = -1;
  for (const span of spans) {
    if (span.start >= reach) {
      kept.push(span);
      reach = span.end;
      continue;
    }
    const last = kept[kept.length - 1];
    if (last === undefined || span.end <= reach || isPersonalKind(span.kind)) continue;
    kept[kept.length - 1] = { start: last.start, end: span.end, kind: last.kind };
    reach = span.end;
  }
  return kept;
}

/** Letters, digits and `_` of ASCII; every character past ASCII counts as a word character too. */
const WORD = new Uint8Array(128);
for (let code = 0; code < 128; code++) WORD[code] = /[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0;

function isWordCode(code: number): boolean {
  return code < 128 ? WORD[code] === 1 : code === code; // NaN (past either end) is not a word character
}

/** `\s` of a regular expression, by code unit (ECMA-262 WhiteSpace and LineTerminator). */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether a value judged sensitive once is also replaced wherever else it appears. Formats that
 * were validated (emails, phones, cards…) always are; a value recognised only by where it stood
 * (a cookie, a field named `secret`) must be distinctive enough that matching it elsewhere cannot
 * hit ordinary words: a cookie `theme=dark` must not turn every "dark" of a page into a placeholder.
 * Read from the session's character pool, so sealing builds no string per value.
 */
function propagates(kind: RedactionKind, pool: Uint16Array, start: number, length: number): boolean {
  if (length < 4 || length > 8192) return false;
  switch (kind) {
    case 'email':
    case 'phone':
    case 'card':
    case 'iban':
    case 'bank-account':
    case 'national-id':
    case 'ip':
    case 'dob':
    case 'device-id':
      return length >= 6;
    case 'name':
    case 'address': {
      if (length < 5) return false;
      for (let i = start; i < start + length; i++) {
        const code = pool[i] ?? 0;
        if (!isSpaceCode(code) && !(code >= 48 && code <= 57)) return true;
      }
      return false;
    }
    default: {
      if (length < 8) return false;
      if (length >= 24) return true;
      let lower = false;
      let upper = false;
      let other = false;
      for (let i = start; i < start + length; i++) {
        const code = pool[i] ?? 0;
        if (code >= 48 && code <= 57) return true;
        if (code >= 97 && code <= 122) lower = true;
        else if (code >= 65 && code <= 90) upper = true;
        // `light-mode`, `same-origin`: words joined by separators read like ordinary text.
        else if (code !== 46 && code !== 95 && code !== 45 && !isSpaceCode(code)) other = true;
      }
      return (lower && upper) || other;
    }
  }
}

/** The value is spelled differently inside JSON text (a quote, a backslash, a control character). */
function needsEscape(pool: Uint16Array, start: number, length: number): boolean {
  for (let i = start; i < start + length; i++) {
    const code = pool[i] ?? 0;
    if (code < 32 || code === 34 || code === 92) return true;
  }
  return false;
}

/** The characters of pool[start, start + length) as a string. */
function poolText(pool: Uint16Array, start: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 4096)
    out += String.fromCharCode(...pool.subarray(start + i, start + Math.min(length, i + 4096)));
  return out;
}

/** A filter over a hash of the first four characters of every known value. */
const FILTER_BITS = 1 << 18;

function hash4(text: string, at: number): number {
  let hash = text.charCodeAt(at);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 1);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 2);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 3);
  // 30 bits: a small non-negative integer, so it can index and key typed arrays directly.
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

function poolHash4(pool: Uint16Array, at: number): number {
  let hash = pool[at] ?? 0;
  hash = Math.imul(hash, 31) + (pool[at + 1] ?? 0);
  hash = Math.imul(hash, 31) + (pool[at + 2] ?? 0);
  hash = Math.imul(hash, 31) + (pool[at + 3] ?? 0);
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** Whether pool[at, at + length) is lowercase ASCII letters and spaces alone (CandidatePrefixes.prose). */
function isProseSpelling(pool: Uint16Array, at: number, length: number): boolean {
  for (let i = at; i < at + length; i++) {
    const code = pool[i] ?? 0;
    if (code !== 32 && (code < 97 || code > 122)) return false;
  }
  return true;
}

/** Index of a two-character start in KnownValues.starts; wide characters share the last slot. */
function startKey(first: number, second: number): number {
  return (first < 128 ? first : 127) * 128 + (second < 128 ? second : 127);
}

/** FNV-1a, folded to 30 bits. */
function fold(hash: number): number {
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** An open-addressing table size for `count` keys at load ≤ 1/2. */
function slotsFor(count: number): number {
  return Math.max(64, 1 << Math.ceil(Math.log2(count * 2 + 1)));
}

/**
 * What a JSON body's strings could hold of values not known yet: the set of 4-character prefixes
 * at every position of a string where KnownValues.findInJsonStrings could match, recorded for
 * each string the JSON scan leaves unchanged. Once the session is sealed, a
 * body none of whose known values' prefixes occurs is not searched again: that search walked
 * every character of every string a second time, the largest part of the writing pass of a list
 * API's body (issue 9 "Cost"). A body repeats few distinct prefixes (a 5 MB list: about 1,600),
 * so the set stays small; past MAX_PREFIXES it stops growing and every question is answered
 * "may occur", which only costs the search.
 *
 * The positions recorded are a superset of the search's candidates: the first position of a
 * string, every character that is not a word character (a value may start with `+` or `[`), every
 * word character after one that is not, and the positions 2 and 6 after a backslash (a value may
 * follow `\n` or `\u00e9`); each only where four characters of the string follow. A value matched
 * at a position starts there and lies inside one string, so its prefix was recorded, or the
 * string was prose (`prose`) and the value is spelled as prose.
 */
export class CandidatePrefixes {
  /**
   * One bit per prefix hash (folded to the map's size): a set that only grows, where a collision or
   * a saturated map answers "may occur", which only costs the search. A bit per prefix instead of
   * a hash table: recording is one store, and most positions of a list repeat a prefix.
   */
  private readonly bits: Int32Array;
  /** 32 minus log2 of the map's bits (prefixBit's shift). */
  private readonly shift: number;

  /**
   * `length`: the text whose prefixes are recorded. The map has one to two bits per character,
   * from 4 Ki to 2 Mi bits: a kept scan holds its map until the writing pass, and a streamed
   * export keeps up to 16 M characters of scans (STREAMED_SCAN_ROOM), so one fixed 256 KB map per
   * body of 16 Ki characters would have held 256 MB; this way the maps add at most a quarter of a
   * byte per character kept.
   */
  constructor(length: number) {
    const log = Math.min(MAX_PREFIX_BITS_LOG, Math.max(12, Math.floor(Math.log2(Math.max(1, length) * 2))));
    this.bits = new Int32Array((1 << log) >>> 5);
    this.shift = 32 - log;
  }
  /** Records the prefix at `at`, where four characters of the string (ending at `end`) follow. */
  private record(text: string, at: number, end: number): void {
    if (at + 4 > end) return;
    const first = text.charCodeAt(at);
    if (first < 128 && SEPARATOR_STARTS[first] === 1) return;
    const bit = prefixBit(
      this.shift,
      prefixHash(first, text.charCodeAt(at + 1), text.charCodeAt(at + 2), text.charCodeAt(at + 3)),
    );
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  private proseSeen = false;

  /**
   * Some string of the body is lowercase ASCII words and spaces only (see `prose`): any known value
   * spelled with those characters alone may occur in it.
   */
  get hasProse(): boolean {
    return this.proseSeen;
  }

  /**
   * Notes a string of lowercase ASCII words and spaces alone (free text: a description, a note), in
   * place of its prefixes. A known value can lie inside such a string only if it is spelled with
   * the same characters, and mayOccurIn looks for those by their text; recording a prefix at each
   * word of every such string was 40 % of the detector gates' walk over a list body.
   */
  prose(): void {
    this.proseSeen = true;
  }

  /**
   * Records a prefix of four ASCII characters packed as prefixHash packs them (a caller that read
   * them already: isZuluMillisAt). A unit test compares it with `string` on random timestamps.
   */
  packed(hash: number): void {
    const bit = prefixBit(this.shift, hash);
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  /** The bytes its map holds (kept with a scan until the writing pass). */
  get mapBytes(): number {
    return this.bits.byteLength;
  }

  /** Whether a recorded position may have had this prefix hash (see prefixHash). */
  has(hash: number): boolean {
    if (this.deferred.length !== 0) throw new Error('CandidatePrefixes: settle the deferred strings first');
    const bit = prefixBit(this.shift, hash);
    return ((this.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  /**
   * Strings of DEFERRED_LENGTH characters or more not recorded yet: [start, end) pairs of the
   * scanned text, recorded by `settle` when a search asks (see `string`).
   */
  private readonly deferred: number[] = [];

  /**
   * Records the strings `string` deferred, reading them from `text` (the scanned text, or one with
   * the same characters: a streamed export's writing pass reads its own copy of a body).
   */
  settle(text: string): void {
    const deferred = this.deferred;
    for (let k = 0; k + 1 < deferred.length; k += 2) {
      const start = deferred[k] ?? 0;
      const end = deferred[k + 1] ?? 0;
      this.recordString(text, start, end, scratchCodes(text, start, end), start);
    }
    deferred.length = 0;
  }

  /**
   * Records every candidate position of the string content text[start, end) (JSON source): for
   * strings the gates do not walk (object keys, timestamps, values kept under a sensitive name).
   * A long string is recorded only once a search asks (`settle`): the prefixes are read only when
   * the session knows some value to find again, and a body whose long strings hold none (a
   * megabyte of digit groups, a log line) walked them for nothing, a thirteenth of its cost.
   * `codes`: the text's asciiCodes when the caller has them, unit i at codes[i - delta] (a JSON
   * scan's body, or the range the detector gates read); otherwise they are made here.
   */
  string(text: string, start: number, end: number, codes?: Uint8Array, delta = 0): void {
    if (end - start >= DEFERRED_LENGTH) {
      this.deferred.push(start, end);
      return;
    }
    if (codes === undefined) this.recordString(text, start, end, scratchCodes(text, start, end), start);
    else this.recordString(text, start, end, codes, delta);
  }

  private recordString(text: string, start: number, end: number, codes: Uint8Array, delta: number): void {
    // The candidate positions as `keep` reads them, set directly (no positions noted first). The
    // characters are read from bytes (see ascii-codes.ts), and again from the text for a prefix
    // with a unit past ASCII, which prefixHash folds by its real value. (isWordCode reads every
    // unit past ASCII as a word character, PAST_ASCII too.)
    const bits = this.bits;
    let wordBefore = false;
    for (let i = start; i <= end - 4; i++) {
      const code = codes[i - delta] ?? PAST_ASCII;
      const word = isWordCode(code);
      if (word ? !wordBefore : SEPARATOR_STARTS[code] === 0) {
        const b = codes[i + 1 - delta] ?? PAST_ASCII;
        const c = codes[i + 2 - delta] ?? PAST_ASCII;
        const d = codes[i + 3 - delta] ?? PAST_ASCII;
        const hash =
          (code | b | c | d) < PAST_ASCII
            ? prefixHash(code, b, c, d)
            : prefixHash(
                text.charCodeAt(i),
                text.charCodeAt(i + 1),
                text.charCodeAt(i + 2),
                text.charCodeAt(i + 3),
              );
        const bit = prefixBit(this.shift, hash);
        bits[bit >>> 5] = (bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
      }
      if (code === 92) {
        this.record(text, i + 2, end);
        this.record(text, i + 6, end);
      }
      wordBefore = word;
    }
  }
}

/** The length from which CandidatePrefixes.string defers a string until a search asks. */
const DEFERRED_LENGTH = 4096;

/** Known values with a recorded prefix mayOccurIn looks for before it answers "may occur" unseen. */
const MAX_CONFIRMED = 8;

/** The most bits of a CandidatePrefixes map (2 Mi bits, 256 KB): a list body's ~2 K distinct prefixes set few of them. */
const MAX_PREFIX_BITS_LOG = 21;

function prefixBit(shift: number, hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/**
 * Separators at which CandidatePrefixes records nothing (ASCII): a value judged sensitive rarely
 * starts with one, and KnownValues.mayOccurIn answers "may occur" for any that does. Prose and
 * timestamps (` -:.,/()`), and the structure of JSON, URLs and markup (quotes, the backslash of an
 * escape, brackets, braces, `<>=;&?|`): a JSON string of escapes or quotes was a candidate at
 * every character, its prefixes recorded twice (while the gates walked it and once it was judged).
 */
const SEPARATOR_STARTS = new Uint8Array(128);
for (const char of ' -:.,/()"\'`\\[]{}<>=;&?|') SEPARATOR_STARTS[char.charCodeAt(0)] = 1;

/**
 * Four characters as one number for CandidatePrefixes: exact for Latin-1 (a byte each), wider
 * characters folded in, so two prefixes of Latin-1 text never share one. (hash4, which KnownValues
 * keys its tables on, maps `13T0` and `1450` to the same number: a timestamp would hide every
 * street number.)
 */
export function prefixHash(a: number, b: number, c: number, d: number): number {
  const packed = (a & 0xff) | ((b & 0xff) << 8) | ((c & 0xff) << 16) | ((d & 0xff) << 24);
  const wide = (a | b | c | d) >>> 8;
  return wide === 0
    ? packed
    : packed ^ Math.imul((a >>> 8) + (b >>> 8) * 3 + (c >>> 8) * 5 + (d >>> 8) * 7, 0x27d4eb2f);
}

/** What `KnownValues` is built from: the session's distinct values, read in place. */
export interface KnownSource {
  pool: Uint16Array;
  starts: Int32Array;
  lengths: Int32Array;
  /** The ids of the values to find again, in the order they were judged. */
  ids: readonly number[];
  placeholders: readonly string[];
  kinds: readonly RedactionKind[];
}

/**
 * Every value a session judged sensitive (and distinctive enough), found again in any text: the
 * second half of "one decision per value". Only positions where a value could start are looked at
 * (a word start, or a character some value starts with that is not a letter, like `+`); inside a
 * word the scan runs on without looking anything up, and elsewhere a table of the values' first
 * two characters and a filter on a hash of the first four rule most positions out. Values of a list
 * often share their first characters (`+44 20 7946 …`, `Name12`, `Name13`), so a hit does not
 * walk those values one by one: it hashes the text once up to each length such values have, and
 * looks the whole candidate up by (length, hash). Linear in the text whatever the number of
 * values. A match must stand on its own (no letter or digit glued to either end) and never starts
 * inside a placeholder. Built from typed arrays (the session's character pool), so sealing a
 * session of thousands of values allocates a handful of arrays and no string per value.
 */
export class KnownValues {
  private readonly chars: Uint16Array;
  private readonly at: Int32Array;
  private readonly length: Int32Array;
  /** Each value's id in the session (its placeholder and kind are read from there). */
  private readonly ids: Int32Array;
  private readonly placeholders: readonly string[];
  private readonly kinds: readonly RedactionKind[];
  private readonly count: number;
  /** Some value is spelled differently in JSON source (so the plain-text table differs). */
  readonly respelled: boolean;
  private readonly filter: Uint8Array;
  private readonly mask: number;
  /** Which two-character starts some value has (ASCII pairs; a wide first character counts as 127). */
  private readonly starts = new Uint8Array(128 * 128);
  /** 4-character prefix hash + 1 per slot (0: empty), and the range of `lengthList` it owns. */
  private readonly prefixSlots: Int32Array;
  private readonly prefixFrom: Int32Array;
  private readonly prefixTo: Int32Array;
  /** The lengths of the values per prefix, ascending, each once. */
  private readonly lengthList: Int32Array;
  /** Whole-value hash → first id + 1 (open addressing), chained through `sameHash`. */
  private readonly exactSlots: Int32Array;
  private readonly exactHashes: Int32Array;
  private readonly sameHash: Int32Array;
  /**
   * The hashes of every value's first 8, 16, 32… characters (with that count): matchAt stops
   * hashing a candidate as soon as no value shares its characters so far. Without it a candidate
   * costs the length of the longest value of its prefix, and a text where a long value's first
   * characters recur (`ghp_.ghp_.…` after a 4,000-character `ghp_…` was judged) costs that length
   * at every recurrence: quadratic in practice. Now a candidate costs about its common start with
   * the closest value.
   */
  private readonly checkpoints = new Set<number>();
  /**
   * Characters matchAt hashed one by one, and how many it may (four per character searched, plus
   * a start): past that, candidates are hashed through `rolling`. A value that is itself periodic
   * with a separator in its period (`Xa9.Xa9.…`, 2,000 characters) and a text repeating that
   * period (never the whole value) pass every checkpoint, so each recurrence of the period hashed
   * the value's length: 1.35 s for a 1 MB body. The budget keeps the usual case (a candidate
   * hashes a few characters) free of the running hashes' extra pass.
   */
  private hashedChars = 0;
  private hashBudget = 1 << 16;
  private readonly rolling = new RollingHashes();

  constructor(source: KnownSource, json: boolean) {
    const { pool, ids } = source;
    // Inside JSON text a value is looked for as JSON spells it (a quote as \", a newline as \n).
    let chars = pool;
    const at = new Int32Array(ids.length);
    const length = new Int32Array(ids.length);
    const own = new Int32Array(ids.length);
    this.placeholders = source.placeholders;
    this.kinds = source.kinds;
    let count = 0;
    const spelled: string[] = [];
    for (const id of ids) {
      const start = source.starts[id] ?? 0;
      const size = source.lengths[id] ?? 0;
      if (json && needsEscape(pool, start, size)) spelled.push(JSON.stringify(poolText(pool, start, size)));
      else if (size < 4) continue;
      at[count] = start;
      length[count] = size;
      own[count] = id;
      count++;
    }
    if (spelled.length > 0) {
      // Rare: copy the needles into a pool of their own, the JSON spelling where it differs.
      let total = 0;
      for (let n = 0; n < count; n++) total += length[n] ?? 0;
      for (const text of spelled) total += text.length;
      chars = new Uint16Array(total);
      let used = 0;
      let next = 0;
      let kept = 0;
      for (let n = 0; n < count; n++) {
        const start = at[n] ?? 0;
        const size = length[n] ?? 0;
        let piece: string | undefined;
        if (needsEscape(pool, start, size)) piece = (spelled[next++] ?? '""').slice(1, -1);
        if (piece === undefined) {
          chars.set(pool.subarray(start, start + size), used);
        } else {
          if (piece.length < 4) continue;
          for (let i = 0; i < piece.length; i++) chars[used + i] = piece.charCodeAt(i);
        }
        const size2 = piece === undefined ? size : piece.length;
        at[kept] = used;
        length[kept] = size2;
        own[kept] = own[n] ?? 0;
        used += size2;
        kept++;
      }
      count = kept;
    }
    this.respelled = spelled.length > 0;
    this.chars = chars;
    this.ids = own;
    this.at = at;
    this.length = length;
    this.count = count;

    const bits = 2 ** Math.ceil(Math.log2(count * 32 + 1));
    this.filter = new Uint8Array(Math.min(FILTER_BITS, Math.max(1024, bits)));
    this.mask = this.filter.length - 1;
    // (prefix, length) pairs sorted, so each prefix owns one ascending run of distinct lengths.
    const pairs = new Float64Array(count);
    this.exactSlots = new Int32Array(slotsFor(count));
    this.exactHashes = new Int32Array(count);
    this.sameHash = new Int32Array(count);
    const exactMask = this.exactSlots.length - 1;
    for (let id = 0; id < count; id++) {
      const start = at[id] ?? 0;
      const size = length[id] ?? 0;
      const prefix = poolHash4(chars, start);
      this.filter[prefix & this.mask] = 1;
      this.starts[startKey(chars[start] ?? 0, chars[start + 1] ?? 0)] = 1;
      pairs[id] = prefix * 65536 + size;
      let hash = 0;
      for (let i = start, seen = 1; i < start + size; i++, seen++) {
        hash = (Math.imul(hash, HASH_BASE) + (chars[i] ?? 0)) | 0;
        if (seen >= FIRST_CHECKPOINT && (seen & (seen - 1)) === 0)
          this.checkpoints.add(checkpointKey(seen, hash));
      }
      hash = fold(hash);
      this.exactHashes[id] = hash;
      this.sameHash[id] = -1;
      for (let slot = hash & exactMask; ; slot = (slot + 1) & exactMask) {
        const stored = this.exactSlots[slot] ?? 0;
        if (stored === 0) {
          this.exactSlots[slot] = id + 1;
          break;
        }
        if (this.exactHashes[stored - 1] === hash) {
          // Same folded hash: the newest id heads the chain, as before.
          this.sameHash[id] = stored - 1;
          this.exactSlots[slot] = id + 1;
          break;
        }
      }
    }
    pairs.sort();
    this.lengthList = new Int32Array(count);
    this.prefixSlots = new Int32Array(slotsFor(count));
    this.prefixFrom = new Int32Array(this.prefixSlots.length);
    this.prefixTo = new Int32Array(this.prefixSlots.length);
    const prefixMask = this.prefixSlots.length - 1;
    let listed = 0;
    let slot = -1;
    let lastPrefix = -1;
    let lastLength = -1;
    for (let n = 0; n < count; n++) {
      const pair = pairs[n] ?? 0;
      const prefix = Math.floor(pair / 65536);
      const size = pair - prefix * 65536;
      if (prefix !== lastPrefix) {
        slot = prefix & prefixMask;
        while ((this.prefixSlots[slot] ?? 0) !== 0) slot = (slot + 1) & prefixMask;
        this.prefixSlots[slot] = prefix + 1;
        this.prefixFrom[slot] = listed;
        lastPrefix = prefix;
        lastLength = -1;
      }
      if (size !== lastLength) {
        this.lengthList[listed++] = size;
        this.prefixTo[slot] = listed;
        lastLength = size;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  /**
   * Whether some known value's first four characters may be among the prefixes a JSON scan
   * recorded (false: findInJsonStrings finds nothing in the strings it recorded). Reads one slot
   * per distinct prefix, so the caller asks only about a text longer than the table.
   */
  mayOccurIn(prefixes: CandidatePrefixes, occurs?: (value: string) => boolean): boolean {
    if (this.prefixHashes === undefined) {
      const chars = this.chars;
      const hashes = new Int32Array(this.count);
      const prose: number[] = [];
      let separator = false;
      for (let id = 0; id < this.count; id++) {
        const at = this.at[id] ?? 0;
        const first = chars[at] ?? 0;
        // CandidatePrefixes records nothing at a separator: such a value may be anywhere.
        if (first < 128 && SEPARATOR_STARTS[first] === 1) separator = true;
        hashes[id] = prefixHash(first, chars[at + 1] ?? 0, chars[at + 2] ?? 0, chars[at + 3] ?? 0);
        if (isProseSpelling(chars, at, this.length[id] ?? 0)) prose.push(id);
      }
      this.prefixHashes = hashes;
      this.proseIds = prose;
      this.separatorStart = separator;
    }
    if (this.separatorStart) return true;
    // A shared prefix is often a coincidence (a street number `2025 High Street` and the year of
    // every timestamp): with `occurs` (whether a value, spelled as this table spells it, occurs
    // where the search would look), a few such values are looked for instead. A value spelled as
    // prose is (CandidatePrefixes.prose) when the body holds prose.
    const shared: number[] = [];
    if (prefixes.hasProse)
      for (const id of this.proseIds ?? []) {
        if (occurs === undefined || shared.push(id) > MAX_CONFIRMED) return true;
      }
    for (let id = 0; id < this.count; id++) {
      if (!prefixes.has(this.prefixHashes[id] ?? 0)) continue;
      // Too many to look for one by one: the search costs less.
      if (occurs === undefined || shared.push(id) > MAX_CONFIRMED) return true;
    }
    for (const id of shared)
      if (occurs?.(poolText(this.chars, this.at[id] ?? 0, this.length[id] ?? 0)) !== false) return true;
    return false;
  }

  /** Some known value starts with a separator CandidatePrefixes does not record. */
  private separatorStart = false;

  /** Each value's prefix hash (see prefixHash), worked out at mayOccurIn's first call. */
  private prefixHashes: Int32Array | undefined;
  /** The values spelled with lowercase ASCII letters and spaces alone (see CandidatePrefixes.prose). */
  private proseIds: number[] | undefined;

  /** How many values mayOccurIn may read (to weigh it against searching a text). */
  get prefixTableSize(): number {
    return this.count;
  }

  /**
   * Appends a span for every known value in text[from, to). `json` means the text is JSON source:
   * a match may follow an escape such as `\n`, and must not start right after a backslash.
   * `clean` says the character before `from` is not part of the text searched (it ends a
   * placeholder), so a value may start at `from` whatever precedes it.
   */
  find(text: string, from: number, to: number, json: boolean, into: Span[], clean = false): void {
    if (this.count === 0) return;
    this.searching(to - from);
    const last = to - 4;
    const filter = this.filter;
    const mask = this.mask;
    const starts = this.starts;
    // JSON source with no backslash within reach holds no escape, so a word is skipped whole as in
    // plain text: a re-encoded URL of a megabyte (`a%20b%20…`) looked six characters back for a
    // backslash once per three characters, a quarter of this search's time.
    const escapes = json && backslashWithin(text, from - 6, to);
    let i = from;
    while (i <= last) {
      const code = text.charCodeAt(i);
      if (code === 91) {
        // A placeholder is skipped whole; any other `[` may start a value (`[2001:db8::1]`).
        const end = placeholderEnd(text, i);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      const word = code < 128 ? WORD[code] === 1 : true;
      if (word && i > from && isWordCode(text.charCodeAt(i - 1))) {
        // Inside a word no value starts, unless a JSON escape such as `\n` or `\u00e9` just ended.
        if (!escapes) {
          i++;
          while (i <= last && isWordCode(text.charCodeAt(i))) i++;
          continue;
        }
        if (codeAt(text, i - 2) !== 92 && codeAt(text, i - 6) !== 92) {
          if (!backslashWithin(text, i - 6, i)) {
            // No escape behind: the rest of the word is word-internal too.
            i++;
            while (i <= last && isWordCode(text.charCodeAt(i))) i++;
          } else i++;
          continue;
        }
      }
      if (starts[startKey(code, text.charCodeAt(i + 1))] === 0) {
        i++;
        continue;
      }
      const prefix = hash4(text, i);
      if (filter[prefix & mask] === 0) {
        i++;
        continue;
      }
      const found = this.matchAt(text, i, from, to, json, prefix, clean);
      i = found === -1 ? i + 1 : this.matched(found, i, into);
    }
  }

  /** A search of `length` characters starts: it adds to the hashing budget, and nothing rolled is reused. */
  private searching(length: number): void {
    this.hashBudget += 4 * length;
    this.rolling.reset();
    this.hostTo = -1;
  }

  /** The last run of host characters inUrlHost measured in this search, and its answer. */
  private hostFrom = 0;
  private hostTo = -1;
  private hostAnswer = false;

  /**
   * Whether text[at, end) lies in the host of a URL (`github` in `https://api.github.com/user`,
   * JSON-escaped `https:\/\/…` too): a known value is not replaced there. An organisation's
   * handle read as a name (GitHub's `twitter_username: "github"`) turned every URL of GitHub's own
   * API examples into `https://api.[name-1].com/…`, 9,558 of the 10,076 values their sanitized
   * copy changed, while the request URLs, whose hosts are never searched, kept the host. A host is
   * no personal datum or secret where a URL names it (RFC 3986 §3.2.2), nor the host of an
   * scp-like Git remote (`git@github.com:owner/repo.git`); the userinfo before an `@` stays
   * searched, and so does an address (a value with no letter), which the detectors judge.
   * Each run of host characters is measured once per search, so the check is linear in the text.
   */
  private inUrlHost(text: string, at: number, end: number): boolean {
    // Inside a host, a value follows `//`, `@` or a host character (`.`, `-`): after a space, a
    // quote or `=` it cannot be in one, and most values are met there.
    const before = codeAt(text, at - 1);
    if (before !== 47 && before !== 64 && !isHostCode(before)) return false;
    let letter = false;
    for (let i = at; i < end; i++) {
      const code = text.charCodeAt(i);
      if (!isHostCode(code)) return false;
      letter ||= isAsciiLetter(code);
    }
    if (!letter) return false;
    if (at < this.hostFrom || end > this.hostTo) {
      let from = at;
      while (from > 0 && isHostCode(text.charCodeAt(from - 1))) from--;
      let to = end;
      while (to < text.length && isHostCode(text.charCodeAt(to))) to++;
      this.hostFrom = from;
      this.hostTo = to;
      this.hostAnswer = afterScheme(text, from)
        ? !beforeUserinfoEnd(text, to)
        : codeAt(text, from - 1) === 64 &&
          (afterUserinfo(text, from - 1) || (codeAt(text, to) === 58 && isScpPath(text, to + 1)));
    }
    return this.hostAnswer;
  }

  /** Appends the span of value `found` matched at `at`; returns where the search goes on. */
  private matched(found: number, at: number, into: Span[]): number {
    const id = this.ids[found] ?? 0;
    const end = at + (this.length[found] ?? 1);
    into.push({ start: at, end, kind: this.kinds[id] ?? 'secret', placeholder: this.placeholders[id] ?? '' });
    return end;
  }

  /**
   * `find` over the strings of JSON source text[from, to) in one pass, instead of one call per
   * string: `inside` says whether `from` is inside a string, and the same is returned for `to`.
   * Outside strings the search jumps from quote to quote; inside, a match is bounded by the
   * string's closing quote, so the spans are exactly those of searching each string on its own.
   */
  findInJsonStrings(text: string, from: number, to: number, inside: boolean, into: Span[]): boolean {
    this.searching(to - from);
    const filter = this.filter;
    const mask = this.mask;
    const starts = this.starts;
    const last = to - 4;
    /** Where the string being searched closes (found at its first candidate), or -1. */
    let close = -1;
    /**
     * At or after the last backslash before `i` (an overestimate only makes the scan step
     * through a word instead of jumping over it): a word with no escape within six characters
     * before it holds no value start, so it is skipped whole.
     */
    let slash = backslashWithin(text, from - 6, from) ? from - 1 : -7;
    let i = from;
    while (i < to) {
      if (!inside) {
        const quote = text.indexOf('"', i);
        if (quote === -1 || quote >= to) return false;
        inside = true;
        close = -1;
        i = quote + 1;
        continue;
      }
      const code = text.charCodeAt(i);
      const type = CODE_TYPES[code] ?? 0;
      if (type === WORD_CODE) {
        if (i > from && CODE_TYPES[text.charCodeAt(i - 1)] === WORD_CODE) {
          // Inside a word no value starts, unless a JSON escape such as `\n` or `\u00e9` just ended.
          if (codeAt(text, i - 2) !== 92 && codeAt(text, i - 6) !== 92) {
            i = slash >= i - 6 ? i + 1 : wordEnd(text, i + 1, to);
            continue;
          }
        }
      } else if (type === QUOTE_CODE) {
        if (!escapedAt(text, i)) inside = false;
        i++;
        continue;
      } else if (type === BACKSLASH_CODE) slash = i;
      else if (type === BRACKET_CODE) {
        const end = placeholderEnd(text, i);
        if (end !== -1) {
          i = end;
          continue;
        }
      }
      if (i > last) {
        i++;
        continue;
      }
      const second = text.charCodeAt(i + 1);
      if (starts[(code < 128 ? code : 127) * 128 + (second < 128 ? second : 127)] === 0) {
        // Nothing starts here, nor anywhere in the rest of this word unless an escape is near.
        i = type === WORD_CODE && slash < i - 5 ? wordEnd(text, i + 1, to) : i + 1;
        continue;
      }
      const prefix = hash4(text, i);
      if (filter[prefix & mask] === 0) {
        i++;
        continue;
      }
      if (close === -1) {
        close = jsonStringEnd(text, i);
        if (close === -1 || close > to) close = to;
      }
      const found = this.matchAt(text, i, from, close, true, prefix, false);
      if (found === -1) {
        i++;
        continue;
      }
      i = this.matched(found, i, into);
      slash = i - 1; // the value may hold an escape
    }
    return inside;
  }

  private prefixRange(prefix: number): number {
    const mask = this.prefixSlots.length - 1;
    for (let slot = prefix & mask; ; slot = (slot + 1) & mask) {
      const stored = this.prefixSlots[slot] ?? 0;
      if (stored === 0) return -1;
      if (stored === prefix + 1) return slot;
    }
  }

  /** The first id whose whole-value hash is `hash`, or -1 (then `sameHash` chains the others). */
  private firstWithHash(hash: number): number {
    const mask = this.exactSlots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.exactSlots[slot] ?? 0;
      if (stored === 0) return -1;
      if (this.exactHashes[stored - 1] === hash) return stored - 1;
    }
  }

  private sameChars(id: number, text: string, at: number): boolean {
    const chars = this.chars;
    const start = this.at[id] ?? 0;
    const length = this.length[id] ?? 0;
    for (let i = 0; i < length; i++) if (chars[start + i] !== text.charCodeAt(at + i)) return false;
    return true;
  }

  /** The longest value that starts at `at` and stands alone, or -1. */
  private matchAt(
    text: string,
    at: number,
    from: number,
    to: number,
    json: boolean,
    prefix: number,
    clean: boolean,
  ): number {
    // A value that matches spells text[at, end), so whether it would stand alone is read off the
    // text before any hashing: a periodic text can spell a long value at every period, glued to
    // the next, and hashing it there cost its length (4 characters per character searched, a
    // fifth of sanitizing `-1BvBMSEY00:1a:1987-03-14` repeated after `curl -u`).
    if (isWordCode(text.charCodeAt(at)) && !(clean && at === from) && !boundaryBefore(text, at, json))
      return -1;
    const slot = this.prefixRange(prefix);
    if (slot === -1) return -1;
    const lastLength = this.prefixTo[slot] ?? 0;
    let best = -1;
    let hash = 0;
    let hashed = at;
    let check = at + FIRST_CHECKPOINT;
    for (let n = this.prefixFrom[slot] ?? 0; n < lastLength; n++) {
      const length = this.lengthList[n] ?? 0;
      const end = at + length;
      if (end > to) break;
      if (end < to && isWordCode(text.charCodeAt(end)) && isWordCode(text.charCodeAt(end - 1))) continue;
      if (end - hashed >= ROLLING_LEAP && this.hashedChars > this.hashBudget) {
        // Past the budget: the candidate's hash is read off the text's running hashes (see
        // RollingHashes), one step whatever its length, so the checkpoints it passes by, there to
        // spare walking characters, are not asked.
        hash = this.rolling.hash(text, at, end);
        hashed = end;
        while (check <= end) check = at + (check - at) * 2;
      }
      this.hashedChars += end - hashed;
      while (hashed < end) {
        hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(hashed++)) | 0;
        if (hashed === check) {
          // No value this long or longer starts with these characters: none left can match.
          if (!this.checkpoints.has(checkpointKey(hashed - at, hash))) {
            this.hashedChars -= end - hashed;
            return best;
          }
          check = at + (hashed - at) * 2;
        }
      }
      for (let id = this.firstWithHash(fold(hash)); id !== -1; id = this.sameHash[id] ?? -1) {
        if (this.length[id] !== length) continue;
        if (!this.sameChars(id, text, at)) continue;
        if (this.inUrlHost(text, at, end)) continue;
        best = id;
      }
    }
    return best;
  }
}

/**
 * Every UTF-16 code unit by what the JSON string search does with it: a word character (as
 * WORD, everything past ASCII included), a quote, a backslash, a `[` (a placeholder may start), or
 * anything else. One table read per character, without a range test first.
 */
const WORD_CODE = 1;
const QUOTE_CODE = 2;
const BACKSLASH_CODE = 3;
const BRACKET_CODE = 4;
const CODE_TYPES = new Uint8Array(65536).fill(WORD_CODE, 128);
for (let code = 0; code < 128; code++)
  CODE_TYPES[code] =
    code === 34 ? QUOTE_CODE : code === 92 ? BACKSLASH_CODE : code === 91 ? BRACKET_CODE : (WORD[code] ?? 0);

/** The first checkpoint of KnownValues.checkpoints; then every power of two. */
const FIRST_CHECKPOINT = 8;

/**
 * The multiplier of the values' running hash, h(s + c) = h(s) * HASH_BASE + c (mod 2^32): a
 * polynomial hash, so the hash of any stretch of a text follows from two running hashes of that
 * text (RollingHashes). Odd, with its bits spread. A collision only costs a comparison.
 */
const HASH_BASE = 0x2f0b3c75;

/** Characters a candidate must still hash before matchAt reads them off RollingHashes instead. */
const ROLLING_LEAP = 32;

/** How far behind the current position RollingHashes keeps running hashes before it starts over. */
const ROLLING_REACH = 1 << 16;

/**
 * The running hashes of one text from a base position, extended as far as asked: the hash of
 * text[a, b) (as KnownValues hashes a value) is running[b] - running[a] * HASH_BASE^(b - a). One
 * search goes forward through its text, so the base only moves forward: past ROLLING_REACH it
 * starts over at the position asked, which bounds the memory, and each time it starts over it
 * hashes again at most the longest value's length.
 */
class RollingHashes {
  private running = new Int32Array(1024);
  private powers = new Int32Array(1024).fill(1, 0, 1);
  private powersUpTo = 0;
  private base = 0;
  /** running[k] is the hash of text[base, base + k) for k <= upTo; -1: nothing yet. */
  private upTo = -1;

  reset(): void {
    this.upTo = -1;
  }

  /** The hash of text[start, end) (the text of the search under way; start only moves forward). */
  hash(text: string, start: number, end: number): number {
    if (this.upTo === -1 || start < this.base || start - this.base > ROLLING_REACH) {
      this.base = start;
      this.upTo = 0;
      this.running[0] = 0;
    }
    const need = end - this.base;
    if (need > this.upTo) {
      if (need >= this.running.length) this.running = grown(this.running, 2 * need + 1);
      const running = this.running;
      let hash = running[this.upTo] ?? 0;
      for (let k = this.upTo; k < need; k++) {
        hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(this.base + k)) | 0;
        running[k + 1] = hash;
      }
      this.upTo = need;
    }
    const from = start - this.base;
    return ((this.running[need] ?? 0) - Math.imul(this.running[from] ?? 0, this.power(end - start))) | 0;
  }

  /** HASH_BASE ** length (mod 2^32). */
  private power(length: number): number {
    if (length > this.powersUpTo) {
      if (length >= this.powers.length) this.powers = grown(this.powers, 2 * length + 1);
      const powers = this.powers;
      for (let k = this.powersUpTo; k < length; k++) powers[k + 1] = Math.imul(powers[k] ?? 0, HASH_BASE);
      this.powersUpTo = length;
    }
    return this.powers[length] ?? 0;
  }
}

/** A value's first `count` characters by their running hash (a collision only skips an early stop). */
function checkpointKey(count: number, hash: number): number {
  return fold(hash ^ Math.imul(count, 0x9e3779b1));
}

/** Where the run of word characters from `at` ends (at most `to`). */
function wordEnd(text: string, at: number, to: number): number {
  let i = at;
  while (i < to && CODE_TYPES[text.charCodeAt(i)] === WORD_CODE) i++;
  return i;
}

/** The character at `at` follows an odd number of backslashes (it is escaped in JSON source). */
function escapedAt(text: string, at: number): boolean {
  let slashes = 0;
  while (text.charCodeAt(at - 1 - slashes) === 92) slashes++;
  return slashes % 2 === 1;
}

/** Index of the quote closing a JSON string that opened before `from`, or -1. */
export function jsonStringEnd(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at !== -1 && escapedAt(text, at)) at = text.indexOf('"', at + 1);
  return at;
}

/** Some character of text[from, to) is a backslash. */
function backslashWithin(text: string, from: number, to: number): boolean {
  const start = Math.max(0, from);
  // A long range is searched natively, bounded by a slice (a view into the text in V8, no copy):
  // `find` asks this once of each whole text it searches, and walking a megabyte for it was 2 %
  // of sanitizing one. A short one (the six characters before a word) is read in place.
  if (to - start > 64) return text.slice(start, to).includes('\\');
  for (let i = start; i < to; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

/** A character of a host name or IPv4 address (RFC 3986 §3.2.2 reg-name, as DNS spells it). */
function isHostCode(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 45 || code === 46;
}

/** text[at] follows `scheme://`, or its JSON-escaped spelling `scheme:\/\/`. */
function afterScheme(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 47) return false;
  if (text.charCodeAt(at - 2) === 47) return text.charCodeAt(at - 3) === 58;
  return (
    text.charCodeAt(at - 2) === 92 &&
    text.charCodeAt(at - 3) === 47 &&
    text.charCodeAt(at - 4) === 92 &&
    text.charCodeAt(at - 5) === 58
  );
}

/**
 * Whether the run of host characters that ends at `to`, right after `scheme://`, is userinfo
 * rather than a host: an `@` follows it, or a `:` and a password (not a port's digits) does.
 */
function beforeUserinfoEnd(text: string, to: number): boolean {
  let at = to;
  if (text.charCodeAt(at) === 58) {
    at++;
    while (isDigit(text.charCodeAt(at))) at++;
    if (at > to + 1 && !isHostCode(text.charCodeAt(at)) && text.charCodeAt(at) !== 64) return false;
    while (at < text.length && at < to + 256 && isUserinfoCode(text.charCodeAt(at))) at++;
  }
  return text.charCodeAt(at) === 64;
}

/** The `@` at `at` ends the userinfo of a URL: `scheme://` comes before it, across userinfo characters. */
function afterUserinfo(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && from > at - 256 && isUserinfoCode(text.charCodeAt(from - 1))) from--;
  return afterScheme(text, from);
}

/** RFC 3986 §3.2.1 userinfo: unreserved, percent-encoded, sub-delims and `:`. */
function isUserinfoCode(code: number): boolean {
  return isHostCode(code) || USERINFO_MARKS.includes(code);
}

/** `_ ~` (unreserved), `%` (pct-encoded), `! $ & ' ( ) * + , ; =` (sub-delims) and `:`. */
const USERINFO_MARKS = [95, 126, 37, 33, 36, 38, 39, 40, 41, 42, 43, 44, 59, 61, 58];

/**
 * After `user@host:`, the path of an scp-like Git remote (git-clone(1) "GIT URLS": `git@github.com:
 * octo-org/Hello-World.git`): a character that starts a path, not a port's digits.
 */
function isScpPath(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return isAsciiLetter(code) || code === 126 || code === 47 || code === 95 || code === 46;
}

/** A value starting at `at` is not glued to what precedes it. */
function boundaryBefore(text: string, at: number, json: boolean): boolean {
  const before = codeAt(text, at - 1);
  if (!json) return !isWordCode(before);
  // Inside JSON source, `\n`, `\t`… and `\u00e9` end in a letter or digit yet separate words.
  let slashes = 0;
  if (!isWordCode(before)) {
    while (text.charCodeAt(at - 1 - slashes) === 92) slashes++;
    return slashes % 2 === 0;
  }
  if (text.charCodeAt(at - 2) === 92 && 'bfnrt'.includes(text[at - 1] ?? '')) {
    while (text.charCodeAt(at - 2 - slashes) === 92) slashes++;
    return slashes % 2 === 1;
  }
  if (text.charCodeAt(at - 6) === 92 && text.charCodeAt(at - 5) === 117) return true;
  return false;
}

/** Grows a column to `size` entries, keeping what it holds. */
function grown(column: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(column);
  return next;
}

/**
 * Distinct values numbered in the order first seen. The characters of every value are copied into
 * one growing Uint16Array, and lookups hash and compare a range of a larger string in place: the
 * table never keeps a reference to the text a value was found in (a streamed HAR's bodies must be
 * freed entry by entry, and a V8 slice would pin its parent), costs no slice per lookup, and is rows
 * of integers the garbage collector does not trace. Open addressing, linear probing, load ≤ 1/2.
 */
class ValueTable {
  private slots = new Int32Array(64); // id + 1; 0 is an empty slot
  private hashes = new Int32Array(32);
  private starts = new Int32Array(32);
  private lengths = new Int32Array(32);
  private pool = new Uint16Array(512);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of text[start, end), or -1 when it is not in the table. */
  find(text: string, start: number, end: number): number {
    const hash = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0) return -1;
      const id = stored - 1;
      if (this.hashes[id] === hash && this.sameText(id, text, start, end)) return id;
    }
  }

  /** Adds text[start, end) (which must not be in the table yet) and returns its id. */
  add(text: string, start: number, end: number): number {
    const id = this.count++;
    if (id === this.hashes.length) {
      const size = id * 2;
      this.hashes = grown(this.hashes, size);
      this.starts = grown(this.starts, size);
      this.lengths = grown(this.lengths, size);
    }
    const length = end - start;
    if (this.used + length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = 0; i < length; i++) this.pool[this.used + i] = text.charCodeAt(start + i);
    const hash = hashRange(text, start, end);
    this.hashes[id] = hash;
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    else this.place(this.slots, id);
    return id;
  }

  /**
   * The columns as they are now, for a KnownValues built at `seal()`. Values added later are
   * appended past them (or into grown copies), so what the snapshot covers never changes.
   */
  snapshot(): { pool: Uint16Array; starts: Int32Array; lengths: Int32Array } {
    return { pool: this.pool, starts: this.starts, lengths: this.lengths };
  }

  private sameText(id: number, text: string, start: number, end: number): boolean {
    if ((this.lengths[id] ?? -1) !== end - start) return false;
    const from = this.starts[id] ?? 0;
    for (let i = 0; i < end - start; i++)
      if (this.pool[from + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private place(slots: Int32Array, id: number): void {
    const mask = slots.length - 1;
    let slot = (this.hashes[id] ?? 0) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.count; id++) this.place(slots, id);
    this.slots = slots;
  }
}

/** FNV-1a over text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let hash = 2166136261;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash;
}

/** `[kind-` per kind index, so a placeholder is two strings joined instead of a template. */
const PREFIXES: readonly string[] = KINDS.map((kind) => `[${kind}-`);

/**
 * Hands out typed placeholders for one export (a ticket, a cURL command, a sanitized HAR): the
 * value decides, not where it stood — the same text always gets the same placeholder, whatever
 * kind it was first judged as, so a tracking id redacted in a cookie reads the same in the URL.
 * After `seal()` the session also knows every distinctive value it judged (`known`), which the
 * second pass of an export uses to replace each one wherever else it appears.
 */
export class RedactionSession {
  private readonly values = new ValueTable();
  private readonly placeholders: string[] = [];
  private readonly kinds: RedactionKind[] = [];
  private readonly issued = new Array<number>(KINDS.length).fill(0);
  private sealed: KnownSource | undefined;
  private knownText: KnownValues | undefined;
  private knownJson: KnownValues | undefined;

  /** The placeholder for `value` of this kind. */
  placeholder(kind: RedactionKind, value: string): string {
    return this.placeholderAt(kind, value, 0, value.length);
  }

  /** The placeholder for the value text[start, end), judged as `kind` if it is new. */
  placeholderAt(kind: RedactionKind, text: string, start: number, end: number): string {
    const found = this.values.find(text, start, end);
    if (found !== -1) return this.placeholders[found] ?? '';
    this.values.add(text, start, end);
    const group = KIND_INDEX.get(kind) ?? 0;
    const number = (this.issued[group] ?? 0) + 1;
    this.issued[group] = number;
    const placeholder = (PREFIXES[group] ?? `[${kind}-`) + String(number) + ']';
    this.placeholders.push(placeholder);
    this.kinds.push(KINDS[group] ?? kind);
    return placeholder;
  }

  /** The placeholder already issued for text[start, end), if that value was judged before. */
  existingAt(text: string, start: number, end: number): string | undefined {
    const found = this.values.find(text, start, end);
    return found === -1 ? undefined : this.placeholders[found];
  }

  /** How many distinct values were judged sensitive. */
  get size(): number {
    return this.values.size;
  }

  /**
   * Ends the judging pass: from now on `known` finds every distinctive value judged so far in any
   * text. Values judged after sealing still get placeholders but are not searched for elsewhere.
   */
  seal(): void {
    const { pool, starts, lengths } = this.values.snapshot();
    const ids: number[] = [];
    for (let id = 0; id < this.values.size; id++)
      if (propagates(this.kinds[id] ?? 'secret', pool, starts[id] ?? 0, lengths[id] ?? 0)) ids.push(id);
    this.sealed = { pool, starts, lengths, ids, placeholders: this.placeholders, kinds: this.kinds };
    this.knownText = undefined;
    this.knownJson = undefined;
  }

  private paused = 0;

  /**
   * How many times a value was left as it stood only because it was not judged yet (a
   * documentation placeholder under a sensitive name): such a verdict may change once the value
   * is judged elsewhere, so a scan that counted one is not kept between the passes.
   */
  undecided = 0;

  /**
   * Runs `work` as if the session were not sealed: the JSON scan judges strings without the
   * known values and replaces those over the whole JSON text afterwards, so its result is the same
   * in the judging pass and in the writing pass.
   */
  withoutKnown<T>(work: () => T): T {
    this.paused++;
    try {
      return work();
    } finally {
      this.paused--;
    }
  }

  /**
   * The known values after `seal()` (spelled as in plain text, or as in JSON source). One table
   * serves both when no value is spelled differently inside JSON, which is the usual case.
   */
  known(json = false): KnownValues | undefined {
    const source = this.sealed;
    if (source === undefined || this.paused > 0) return undefined;
    const inJson = (this.knownJson ??= new KnownValues(source, true));
    if (json) return inJson;
    return (this.knownText ??= inJson.respelled ? new KnownValues(source, false) : inJson);
  }

  /** The kind behind a placeholder this session issued, or undefined for any other text. */
  kindOf(placeholder: string): RedactionKind | undefined {
    const match = /^\[([a-z]+(?:-[a-z]+)*)-(\d+)\]$/.exec(placeholder);
    if (match === null) return undefined;
    const group = KIND_INDEX.get(match[1] ?? '');
    const count = group === undefined ? 0 : (this.issued[group] ?? 0);
    return Number(match[2]) <= count ? KINDS[group ?? 0] : undefined;
  }
}
