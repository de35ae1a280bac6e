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
] as const;

export type SecretKind = (typeof SECRET_KINDS)[number];
export type PersonalKind = (typeof PERSONAL_KINDS)[number];
export type RedactionKind = SecretKind | PersonalKind;

const KINDS: readonly RedactionKind[] = [...SECRET_KINDS, ...PERSONAL_KINDS];
const KIND_INDEX = new Map<string, number>(KINDS.map((kind, index) => [kind, index]));
const PERSONAL = new Set<string>(PERSONAL_KINDS);

export function isPersonalKind(kind: RedactionKind): kind is PersonalKind {
  return PERSONAL.has(kind);
}

/** A placeholder as issued: `[email-1]`, `[api-key-12]`. */
export const PLACEHOLDER_PATTERN = /\[([a-z]+(?:-[a-z]+)*)-(\d+)\]/g;
const WHOLE = /^\[[a-z]+(?:-[a-z]+)*-\d+\]$/;

/** The text is exactly one placeholder (so redacting it again would only lose information). */
export function isPlaceholder(text: string): boolean {
  return text.length < 40 && WHOLE.test(text);
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

/** Non-overlapping spans, ordered; where two overlap the one starting first (then longer) wins. */
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
    if (span.start < reach) continue;
    kept.push(span);
    reach = span.end;
  }
  return kept;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code > 127
  );
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/**
 * Whether a value judged sensitive once is also replaced wherever else it appears. Formats that
 * were validated (emails, phones, cards…) always are; a value recognised only by where it stood
 * (a cookie, a field named `secret`) must be distinctive enough that matching it elsewhere cannot
 * hit ordinary words: a cookie `theme=dark` must not turn every "dark" of a page into a placeholder.
 */
function propagates(kind: RedactionKind, value: string): boolean {
  const length = value.length;
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
      return length >= 6;
    case 'name':
    case 'address':
      return length >= 5 && /[^\s\d]/.test(value);
    default: {
      if (length < 8) return false;
      const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value);
      // `light-mode`, `same-origin`: words joined by separators read like ordinary text.
      return length >= 24 || hasDigit(value) || mixed || /[^A-Za-z\s._-]/.test(value);
    }
  }
}

/** The value is spelled differently inside JSON text (a quote, a backslash, a control character). */
function needsEscape(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 32 || code === 34 || code === 92) return true;
  }
  return false;
}

/** `JSON.stringify` of a string without its quotes: how a value is spelled inside JSON text. */
function jsonSpelling(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** A filter over a hash of the first four characters of every known value. */
const FILTER_BITS = 1 << 18;

function hash4(text: string, at: number): number {
  let hash = text.charCodeAt(at);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 1);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 2);
  hash = Math.imul(hash, 31) + text.charCodeAt(at + 3);
  // 30 bits: a small integer for V8, so the Map below is keyed without boxing a number.
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** Index of a two-character start in KnownValues.starts; wide characters share the last slot. */
function startKey(first: number, second: number): number {
  return (first < 128 ? first : 127) * 128 + (second < 128 ? second : 127);
}

/** FNV-1a over text[start, end), folded to 30 bits (a small integer for V8's Map keys). */
function hashSpan(text: string, start: number, end: number): number {
  let hash = 2166136261;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/**
 * Every value a session judged sensitive (and distinctive enough), found again in any text: the
 * second half of "one decision per value". Only positions where a value could start are looked at
 * (a word start, or a character some value starts with that is not a letter, like `+`); a filter
 * on a hash of the next four characters rules most of them out with one lookup. Values of a list
 * often share their first characters (`+44 20 7946 …`, `Name12`, `Name13`), so a hit does not
 * walk those values one by one: it hashes the text once up to each length such values have, and
 * looks the whole candidate up by (length, hash). Linear in the text whatever the number of
 * values. A match must stand on its own (no letter or digit glued to either end) and never starts
 * inside a placeholder.
 */
export class KnownValues {
  /** Sized to the values (a ticket's handful needs 1 KiB, a HAR's thousands 256 KiB). */
  private readonly filter: Uint8Array;
  private readonly mask: number;
  /** Which two-character starts some value has (ASCII pairs; a wide first character counts as 127). */
  private readonly starts = new Uint8Array(128 * 128);
  /** Per 4-character prefix hash: the lengths of the values that start so, ascending. */
  private readonly lengths = new Map<number, number[]>();
  /** Whole-value hash → first id + 1 (open addressing), chained through `sameHash`. */
  private exactSlots = new Int32Array(64);
  private readonly exactHashes: number[] = [];
  private readonly sameHash: number[] = [];
  private readonly needles: string[] = [];
  private readonly placeholders: string[] = [];
  private readonly kinds: RedactionKind[] = [];

  constructor(
    entries: readonly { value: string; placeholder: string; kind: RedactionKind }[],
    json: boolean,
  ) {
    const bits = 2 ** Math.ceil(Math.log2(entries.length * 32 + 1));
    this.filter = new Uint8Array(Math.min(FILTER_BITS, Math.max(1024, bits)));
    this.mask = this.filter.length - 1;
    this.exactSlots = new Int32Array(Math.max(64, 1 << Math.ceil(Math.log2(entries.length * 2 + 1))));
    for (const entry of entries) {
      const needle = json && needsEscape(entry.value) ? jsonSpelling(entry.value) : entry.value;
      if (needle.length < 4) continue;
      const id = this.needles.length;
      this.needles.push(needle);
      this.placeholders.push(entry.placeholder);
      this.kinds.push(entry.kind);
      const prefix = hash4(needle, 0);
      this.filter[prefix & this.mask] = 1;
      this.starts[startKey(needle.charCodeAt(0), needle.charCodeAt(1))] = 1;
      const lengths = this.lengths.get(prefix);
      if (lengths === undefined) this.lengths.set(prefix, [needle.length]);
      else if (!lengths.includes(needle.length)) {
        lengths.push(needle.length);
        lengths.sort((a, b) => a - b);
      }
      const hash = hashSpan(needle, 0, needle.length);
      this.exactHashes.push(hash);
      const mask = this.exactSlots.length - 1;
      let slot = hash & mask;
      let chained = false;
      for (let stored = this.exactSlots[slot] ?? 0; stored !== 0; stored = this.exactSlots[slot] ?? 0) {
        if (this.exactHashes[stored - 1] === hash) {
          this.sameHash.push(stored - 1);
          this.exactSlots[slot] = id + 1;
          chained = true;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (!chained) {
        this.sameHash.push(-1);
        this.exactSlots[slot] = id + 1;
      }
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

  get size(): number {
    return this.needles.length;
  }

  /**
   * Appends a span for every known value in text[from, to). `json` means the text is JSON source:
   * a match may follow an escape such as `\n`, and must not start right after a backslash.
   */
  find(text: string, from: number, to: number, json: boolean, into: Span[]): void {
    if (this.needles.length === 0) return;
    const last = to - 4;
    const filter = this.filter;
    const mask = this.mask;
    const starts = this.starts;
    for (let i = from; i <= last; i++) {
      const code = text.charCodeAt(i);
      if (code === 91) {
        const end = placeholderEnd(text, i);
        if (end !== -1) i = end - 1;
        continue;
      }
      if (starts[startKey(code, text.charCodeAt(i + 1))] === 0) continue;
      // Inside a word a value cannot start (unless an escape like `\n` just ended in JSON).
      if (i > from && isWordCode(code) && isWordCode(text.charCodeAt(i - 1))) {
        if (!json || (text.charCodeAt(i - 2) !== 92 && text.charCodeAt(i - 6) !== 92)) continue;
      }
      const prefix = hash4(text, i);
      if (filter[prefix & mask] === 0) continue;
      const found = this.matchAt(text, i, to, json, prefix);
      if (found === -1) continue;
      const length = this.needles[found]?.length ?? 0;
      into.push({
        start: i,
        end: i + length,
        kind: this.kinds[found] ?? 'secret',
        placeholder: this.placeholders[found] ?? '',
      });
      i += length - 1;
    }
  }

  /** The longest value that starts at `at` and stands alone, or -1. */
  private matchAt(text: string, at: number, to: number, json: boolean, prefix: number): number {
    const lengths = this.lengths.get(prefix);
    if (lengths === undefined) return -1;
    let best = -1;
    let hash = 2166136261;
    let hashed = at;
    for (const length of lengths) {
      const end = at + length;
      if (end > to) break;
      while (hashed < end) hash = Math.imul(hash ^ text.charCodeAt(hashed++), 16777619);
      for (
        let id = this.firstWithHash((hash ^ (hash >>> 15)) & 0x3fffffff);
        id !== -1;
        id = this.sameHash[id] ?? -1
      ) {
        const needle = this.needles[id] ?? '';
        if (needle.length !== length || !text.startsWith(needle, at)) continue;
        if (isWordCode(needle.charCodeAt(0)) && !this.boundaryBefore(text, at, json)) continue;
        if (isWordCode(needle.charCodeAt(length - 1)) && end < to && isWordCode(text.charCodeAt(end)))
          continue;
        best = id;
      }
    }
    return best;
  }

  private boundaryBefore(text: string, at: number, json: boolean): boolean {
    const before = text.charCodeAt(at - 1);
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

  /** The text of an entry, rebuilt from the pool. */
  text(id: number): string {
    const start = this.starts[id] ?? 0;
    let out = '';
    const length = this.lengths[id] ?? 0;
    for (let i = 0; i < length; i += 4096)
      out += String.fromCharCode(...this.pool.subarray(start + i, start + Math.min(length, i + 4096)));
    return out;
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
  private readonly kindIds: number[] = [];
  private readonly issued = new Array<number>(KINDS.length).fill(0);
  private sealedEntries: { value: string; placeholder: string; kind: RedactionKind }[] | undefined;
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
    this.kindIds.push(group);
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
    const entries: { value: string; placeholder: string; kind: RedactionKind }[] = [];
    for (let id = 0; id < this.values.size; id++) {
      const kind = KINDS[this.kindIds[id] ?? 0] ?? 'secret';
      const value = this.values.text(id);
      if (propagates(kind, value)) entries.push({ value, placeholder: this.placeholders[id] ?? '', kind });
    }
    this.sealedEntries = entries;
    this.knownText = undefined;
    this.knownJson = undefined;
  }

  private paused = 0;

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

  /** The known values after `seal()` (spelled as in plain text, or as in JSON source). */
  known(json = false): KnownValues | undefined {
    const entries = this.sealedEntries;
    if (entries === undefined || this.paused > 0) return undefined;
    if (json) return (this.knownJson ??= new KnownValues(entries, true));
    return (this.knownText ??= new KnownValues(entries, false));
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
