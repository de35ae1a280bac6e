import { setOwn } from '../formats/json-value.ts';
import type { Har } from '../har.ts';
import { firstInvalidUtf8, invalidUtf8Message, SNIFF_BYTES, sniffHarBytes } from './har-bytes.ts';

/**
 * Reading a HAR file as a stream of bytes, one `log.entries` item at a time, so no string ever
 * holds the whole file (V8 caps a string at ~512 MiB, and a parsed 400 MB HAR costs gigabytes of
 * heap). A byte scanner finds each item's bounds and `JSON.parse` parses that item alone: the
 * structural characters of JSON are ASCII and never occur inside a UTF-8 multi-byte sequence
 * (RFC 3629 §3), so scanning bytes is safe across any chunk boundary, and an item's bytes are
 * decoded once it is complete. The scanner is iterative (a depth counter, no recursion), so no
 * nesting overflows the stack.
 *
 * What one item may hold is bounded, so memory is bounded by the largest *kept* item:
 *   - a string longer than `maxStringBytes` (a 200 MB base64 video in `content.text`) is replaced
 *     by a marked placeholder with its size;
 *   - a value nested deeper than `maxDepth` inside an item is replaced the same way (every
 *     consumer downstream, `JSON.stringify` included, may recurse);
 *   - past `maxItemBytes`, the item's member being read (`_webSocketMessages` with a million
 *     frames) is replaced, or the whole item when no member can be.
 * Each replacement is listed in the entry itself (`_apiErrorInspector.removed`) and in
 * `HarItem.removed`, so hosts can say so.
 */

export interface HarReaderOptions {
  /** Longest string kept, in bytes of JSON text; a longer one becomes a marked placeholder. */
  maxStringBytes?: number;
  /** Deepest nesting kept inside one item (the item's own braces count as 1). */
  maxDepth?: number;
  /** Largest item kept, in bytes of JSON text. */
  maxItemBytes?: number;
}

// 32 MiB of JSON text per string and 64 MiB per item keep one item's cost (its bytes, its text,
// the parsed value, a redacted copy, the written copy) well under the 512 MB a 700 MB HAR may take
// (issue 12). A 32 MiB body is far beyond any API error body; downloads that large are removed.
export const DEFAULT_READER_LIMITS: Required<HarReaderOptions> = {
  maxStringBytes: 32 * 1024 * 1024,
  maxDepth: 500,
  maxItemBytes: 64 * 1024 * 1024,
};

/** A value the reader left out of an item, and why. */
export interface RemovedValue {
  /** Where it was, from the item: `response.content.text`, `_custom.a[0]` (cut after 12 steps). */
  path: string;
  /** Its size in bytes of JSON text. */
  bytes: number;
  reason: 'string-too-long' | 'nested-too-deep' | 'item-too-large';
}

/** One `log.entries` item, in file order. */
export interface HarItem {
  /** Position in `log.entries` (broken items count too, so indexes match the file). */
  index: number;
  /**
   * The parsed item: an entry object, or what else the file holds there (null, a string, …). An
   * item that could not be read at all is a placeholder string saying why.
   */
  value: unknown;
  /** Why the item is not an entry object, as a phrase ("is not valid JSON (…)"); absent for entries. */
  problem?: string;
  /** Values left out of the item (also listed in the entry's `_apiErrorInspector.removed`). */
  removed?: RemovedValue[];
}

/** Everything in the file except the items of `log.entries`, in the file's key order. */
export type HarSkeleton = Har;

/** Thrown by `push`/`end` when the file cannot be read as a HAR at all: one sentence, no stack. */
export class HarReadError extends Error {
  override readonly name = 'HarReadError';
}

/** The custom field (HAR 1.2: custom fields start with `_`) that lists what the reader removed. */
export const REMOVED_FIELD = '_apiErrorInspector';
const MARK = '[api-error-inspector removed ';

const placeholderText = (reason: RemovedValue['reason'], bytes: number, maxDepth: number): string =>
  MARK +
  (reason === 'string-too-long'
    ? `a ${bytes}-byte string: too long to hold]`
    : reason === 'nested-too-deep'
      ? `a ${bytes}-byte value nested deeper than ${maxDepth} levels]`
      : `a ${bytes}-byte value: the entry was too large to hold]`);

// Scanner states between captured values (only the top three levels are tokenised).
const S_ROOT = 0;
const S_OBJ_FIRST = 1;
const S_OBJ_KEY = 2;
const S_OBJ_COLON = 3;
const S_OBJ_VALUE = 4;
const S_OBJ_AFTER = 5;
const S_ARR_FIRST = 6;
const S_ARR_ITEM = 7;
const S_ARR_AFTER = 8;
const S_DONE = 9;

const C_ROOT = 0;
const C_LOG = 1;
const C_ENTRIES = 2;

const T_ITEM = 0;
const T_MEMBER = 1;
const T_KEY = 2;

const CUT_NONE = 0;
const CUT_STRING = 1;
const CUT_CONTAINER = 2;
const CUT_DISCARD = 3;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const K_QUOTE = 1;
const K_OPEN = 2;
const K_CLOSE = 3;
/** Per byte: 0 for bytes that do not change the structure outside a string. */
const STRUCTURAL = new Uint8Array(256);
STRUCTURAL[QUOTE] = K_QUOTE;
STRUCTURAL[OPEN_BRACE] = K_OPEN;
STRUCTURAL[OPEN_BRACKET] = K_OPEN;
STRUCTURAL[CLOSE_BRACE] = K_CLOSE;
STRUCTURAL[CLOSE_BRACKET] = K_CLOSE;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** Bytes that end a number or literal (`true`, `null`, `-1.5e3`). */
const endsScalar = (c: number): boolean =>
  isSpace(c) || c === 0x2c || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === QUOTE;

function describeByte(c: number): string {
  if (c >= 0x21 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `byte 0x${c.toString(16).toUpperCase().padStart(2, '0')}`;
}

function pathText(segments: readonly (string | number)[]): string {
  const shown = segments
    .slice(0, 12)
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : /^[A-Za-z_$][\w$]*$/.test(s)
          ? i === 0
            ? s
            : `.${s}`
          : `[${JSON.stringify(s)}]`,
    );
  return shown.join('') + (segments.length > 12 ? '…' : '');
}

/**
 * Where the placeholders sit in a parsed item, found by walking it with an explicit stack (the
 * item is at most `maxDepth` deep by then, but no recursion is needed either way).
 */
function placeholderPaths(value: unknown, wanted: Map<string, RemovedValue[]>): RemovedValue[] {
  const found: RemovedValue[] = [];
  const stack: { value: unknown; path: (string | number)[]; parent?: Record<string, unknown> }[] = [
    { value, path: [] },
  ];
  const take = (text: string, path: (string | number)[], parent?: Record<string, unknown>): void => {
    const queue = wanted.get(text);
    const next = queue?.shift();
    if (next === undefined) return;
    found.push({ ...next, path: pathText(path) });
    // A body's placeholder is plain text: `encoding: "base64"` (HAR 1.2 content) no longer applies.
    if (parent !== undefined && path[path.length - 1] === 'text' && typeof parent['encoding'] === 'string')
      delete parent['encoding'];
  };
  while (stack.length > 0) {
    const { value: v, path, parent } = stack.pop() as (typeof stack)[number];
    if (typeof v === 'string') {
      if (v.startsWith(MARK)) take(v, path, parent);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        if (key.startsWith(MARK)) take(key, [...path, key]);
        const object = v as Record<string, unknown>;
        stack.push({ value: object[key], path: [...path, key], parent: object });
      }
    }
  }
  return found;
}

/**
 * Push bytes in, get the completed items out. Chunks may be split anywhere (inside a string, a
 * multi-byte character, an escape); the reader keeps references to the chunks it is given, so a
 * host must not reuse a chunk's buffer after passing it. Not re-entrant: one file per reader.
 */
export class HarReader {
  readonly #maxString: number;
  readonly #maxDepth: number;
  readonly #maxItem: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });

  // Before the first bytes are known to be UTF-8 JSON text.
  #head: Uint8Array[] | undefined = [];
  #headBytes = 0;
  #transcoder: TextDecoder | undefined;
  #fileBytes = 0;

  /** Offset of the current chunk's first byte in the (UTF-8) text. */
  #pos = 0;
  #state = S_ROOT;
  readonly #stack: number[] = [];
  #key = '';
  #sawContent = false;
  #logSeen = false;
  #entriesSeen = false;
  #index = 0;
  readonly #root: Record<string, unknown> = {};
  readonly #log: Record<string, unknown> = {};

  // The value being captured (an item, a member of the root or the log object, or a key).
  #capturing = false;
  #target = T_ITEM;
  #scalar = false;
  #capStart = 0;
  #depth = 0;
  #inString = false;
  #skip = 0;
  /** Absolute offset past which the open string is too long (-1: it already is). */
  #strEnd = 0;
  /** Absolute offset of the open string's quote. */
  #strAbs = 0;
  /** Where the open string starts in the kept bytes. */
  #strKept = 0;
  /** Where the current depth-2 container starts: kept offset and absolute offset. */
  #memberKept = 0;
  #memberAbs = 0;
  #cut = CUT_NONE;
  #cutDepth = -1;
  #cutAbs = 0;
  #cutReason: RemovedValue['reason'] = 'nested-too-deep';
  #stringLimit: number;
  /** Kept bytes of a capture that spans chunks (or had a cut): buf[0, len). */
  #buf = new Uint8Array(0);
  #len = 0;
  /** Where kept bytes resume in the current chunk. */
  #keptFrom = 0;
  #removed: { text: string; removed: RemovedValue }[] = [];
  #items: HarItem[] = [];

  constructor(options: HarReaderOptions = {}) {
    const limits = { ...DEFAULT_READER_LIMITS, ...options };
    this.#maxString = limits.maxStringBytes;
    this.#maxDepth = limits.maxDepth;
    this.#maxItem = limits.maxItemBytes;
    this.#stringLimit = this.#maxString;
  }

  /** Bytes of the file pushed so far (for progress). */
  get bytesRead(): number {
    return this.#fileBytes;
  }

  /** Items of `log.entries` read so far. */
  get itemCount(): number {
    return this.#index;
  }

  /** Feed the next chunk; returns the items it completed, in order. Throws HarReadError. */
  push(chunk: Uint8Array): HarItem[] {
    this.#fileBytes += chunk.length;
    if (this.#head !== undefined) {
      this.#head.push(chunk);
      this.#headBytes += chunk.length;
      if (this.#headBytes >= SNIFF_BYTES) this.#decideEncoding();
    } else if (this.#transcoder !== undefined) this.#transcode(chunk, true);
    else this.#scan(chunk);
    return this.#take();
  }

  /**
   * The file ended: the items still pending and what the file holds besides `log.entries`.
   * Throws HarReadError when the file is empty, cut short, not JSON or not a HAR.
   */
  end(): { items: HarItem[]; skeleton: HarSkeleton } {
    if (this.#head !== undefined) this.#decideEncoding();
    if (this.#transcoder !== undefined) this.#transcode(new Uint8Array(0), false);
    if (!this.#sawContent) throw new HarReadError('the file is empty, expected a HAR (JSON) file');
    if (this.#state !== S_DONE) throw this.#syntaxError(`the file ends ${this.#where()}: was it cut short?`);
    return { items: this.#take(), skeleton: this.#root as HarSkeleton };
  }

  #take(): HarItem[] {
    const items = this.#items;
    if (items.length > 0) this.#items = [];
    return items;
  }

  #decideEncoding(): void {
    const head = concat(this.#head ?? [], this.#headBytes);
    this.#head = undefined;
    const kind = sniffHarBytes(head);
    if (kind.kind === 'compressed')
      throw new HarReadError('the file is gzip-compressed: decompress it first (gunzip FILE.har.gz)');
    if (kind.kind === 'refused') throw new HarReadError(kind.error);
    if (kind.kind === 'utf-8') {
      this.#pos = kind.skip;
      this.#scan(head.subarray(kind.skip));
      return;
    }
    this.#transcoder = new TextDecoder(kind.kind, { fatal: true });
    this.#transcode(head.subarray(kind.skip), true);
  }

  /** UTF-16 with a byte-order mark (editors on Windows write it) is re-encoded to UTF-8. */
  #transcode(chunk: Uint8Array, stream: boolean): void {
    let text: string;
    try {
      text = (this.#transcoder as TextDecoder).decode(chunk, { stream });
    } catch {
      throw new HarReadError(
        'the content is not valid UTF-16 text although it starts with a UTF-16 byte-order mark',
      );
    }
    if (text !== '') this.#scan(new TextEncoder().encode(text));
  }

  #scan(b: Uint8Array): void {
    const n = b.length;
    let i = 0;
    if (this.#capturing) {
      i = this.#scalar ? this.#scanScalar(b, 0) : this.#capture(b, this.#skip);
      if (i < 0) return this.#chunkEnd(b);
    }
    while (i < n) {
      const c = b[i] as number;
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.#sawContent = true;
      i = this.#token(b, i, c);
      if (i < 0) return this.#chunkEnd(b);
    }
    this.#pos += n;
  }

  /** The chunk ended inside a captured value: keep its tail and apply the size limits. */
  #chunkEnd(b: Uint8Array): void {
    const n = b.length;
    if (this.#cut === CUT_NONE) {
      this.#append(b, this.#keptFrom, n);
      if (this.#inString && this.#pos + n > this.#strEnd) {
        // Too long already: drop what was kept of it and skip the rest (see #longString).
        this.#len = this.#strKept;
        this.#cut = CUT_STRING;
        this.#strEnd = -1;
      } else if (this.#len > this.#maxItem) this.#tooLarge();
    }
    this.#keptFrom = 0;
    this.#pos += n;
  }

  /** The item outgrew maxItemBytes: replace the depth-2 value being read, or give up on the item. */
  #tooLarge(): void {
    if (this.#depth >= 2) {
      this.#len = this.#memberKept;
      this.#cut = CUT_CONTAINER;
      this.#cutDepth = 1;
      this.#cutAbs = this.#memberAbs;
      this.#cutReason = 'item-too-large';
      this.#stringLimit = Number.POSITIVE_INFINITY;
    } else {
      this.#cut = CUT_DISCARD;
      this.#len = 0;
      this.#buf = new Uint8Array(0);
      this.#stringLimit = Number.POSITIVE_INFINITY;
    }
  }

  /** One token between captured values; returns where scanning resumes, or -1 mid-capture. */
  #token(b: Uint8Array, i: number, c: number): number {
    switch (this.#state) {
      case S_ROOT:
        if (c === OPEN_BRACE) return this.#open(C_ROOT, S_OBJ_FIRST, i);
        if (
          c === OPEN_BRACKET ||
          c === QUOTE ||
          c === 0x2d ||
          (c >= 0x30 && c <= 0x39) ||
          c === 0x74 ||
          c === 0x66 ||
          c === 0x6e
        )
          throw new HarReadError('not a HAR file: expected a JSON object with a "log" property');
        throw this.#syntaxError(`unexpected ${describeByte(c)} at byte ${this.#pos + i}`);
      case S_OBJ_FIRST:
        if (c === CLOSE_BRACE) return this.#close(i);
        return this.#startCapture(b, i, T_KEY);
      case S_OBJ_KEY:
        return this.#startCapture(b, i, T_KEY);
      case S_OBJ_COLON:
        if (c !== 0x3a) throw this.#unexpected(c, i, "':' after a property name");
        this.#state = S_OBJ_VALUE;
        return i + 1;
      case S_OBJ_VALUE:
        return this.#memberValue(b, i, c);
      case S_OBJ_AFTER:
        return this.#separator(c, i, CLOSE_BRACE, S_OBJ_KEY, "',' or '}'");
      case S_ARR_FIRST:
        if (c === CLOSE_BRACKET) return this.#close(i);
        return this.#startCapture(b, i, T_ITEM);
      case S_ARR_ITEM:
        if (c === CLOSE_BRACKET) throw this.#unexpected(c, i, 'an entry after the comma');
        return this.#startCapture(b, i, T_ITEM);
      case S_ARR_AFTER:
        return this.#separator(c, i, CLOSE_BRACKET, S_ARR_ITEM, "',' or ']' between entries");
      default:
        throw this.#syntaxError(
          `unexpected ${describeByte(c)} after the end of the JSON at byte ${this.#pos + i}`,
        );
    }
  }

  /** After a member or an item: a comma leads to the next, the closing byte ends the container. */
  #separator(c: number, i: number, close: number, next: number, expected: string): number {
    if (c === 0x2c) {
      this.#state = next;
      return i + 1;
    }
    if (c === close) return this.#close(i);
    throw this.#unexpected(c, i, expected);
  }

  #memberValue(b: Uint8Array, i: number, c: number): number {
    const context = this.#stack[this.#stack.length - 1];
    if (context === C_ROOT && this.#key === 'log') {
      if (this.#logSeen) throw new HarReadError('not a HAR file: the JSON object has more than one "log"');
      if (c === OPEN_BRACE) {
        this.#logSeen = true;
        setOwn(this.#root, 'log', this.#log);
        return this.#open(C_LOG, S_OBJ_FIRST, i);
      }
    } else if (context === C_LOG && this.#key === 'entries') {
      if (this.#entriesSeen) throw new HarReadError('not a HAR file: "log" has more than one "entries"');
      if (c === OPEN_BRACKET) {
        this.#entriesSeen = true;
        setOwn(this.#log, 'entries', []);
        return this.#open(C_ENTRIES, S_ARR_FIRST, i);
      }
    }
    return this.#startCapture(b, i, T_MEMBER);
  }

  #open(context: number, state: number, i: number): number {
    this.#stack.push(context);
    this.#state = state;
    return i + 1;
  }

  #close(i: number): number {
    const context = this.#stack.pop();
    if (context === C_ROOT) {
      if (!this.#logSeen) throw new HarReadError('not a HAR file: the JSON object has no "log" object');
      this.#state = S_DONE;
    } else {
      if (context === C_LOG && !this.#entriesSeen)
        throw new HarReadError('not a HAR file: "log.entries" is not an array');
      this.#state = S_OBJ_AFTER;
    }
    return i + 1;
  }

  #startCapture(b: Uint8Array, i: number, target: number): number {
    this.#capturing = true;
    this.#target = target;
    this.#capStart = this.#pos + i;
    this.#keptFrom = i;
    this.#len = 0;
    this.#cut = CUT_NONE;
    this.#cutDepth = -1;
    this.#stringLimit = this.#maxString;
    this.#depth = 0;
    this.#inString = false;
    this.#skip = 0;
    const c = b[i] as number;
    if (target === T_KEY && c !== QUOTE) throw this.#unexpected(c, i, 'a property name in double quotes');
    if (c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.#scalar = false;
      return this.#capture(b, i);
    }
    this.#scalar = true;
    return this.#scanScalar(b, i + 1);
  }

  /**
   * The hot loop: bytes of a string or container value until it closes. Returns the offset after
   * the value, or -1 when the chunk ended first (state saved for the next chunk).
   */
  #capture(b: Uint8Array, start: number): number {
    const n = b.length;
    const pos = this.#pos;
    let i = start;
    let depth = this.#depth;
    let inString = this.#inString;
    while (i < n) {
      let c = b[i] as number;
      if (inString) {
        while (c !== QUOTE && c !== BACKSLASH) {
          if (++i === n) break;
          c = b[i] as number;
        }
        if (i === n) break;
        if (c === BACKSLASH) {
          i += 2;
          continue;
        }
        inString = false;
        if (pos + i > this.#strEnd) this.#longString(b, i);
        i++;
        if (depth === 0) return this.#finishCapture(b, i);
        continue;
      }
      // Outside strings, skip what is not structural with a table lookup: an indented HAR is a
      // third whitespace, and one lookup per byte measured ~2x faster than chained compares.
      let kind = STRUCTURAL[c] as number;
      while (kind === 0) {
        if (++i === n) break;
        kind = STRUCTURAL[b[i] as number] as number;
      }
      if (i === n) break;
      if (kind === K_QUOTE) {
        inString = true;
        this.#strAbs = pos + i;
        this.#strEnd = pos + i + this.#stringLimit;
        this.#strKept = this.#len + i - this.#keptFrom;
      } else if (kind === K_OPEN) {
        depth++;
        if (depth === 2) {
          this.#memberKept = this.#len + i - this.#keptFrom;
          this.#memberAbs = pos + i;
        }
        if (depth > this.#maxDepth && this.#cut === CUT_NONE) this.#startDeepCut(b, i, depth);
      } else if (kind === K_CLOSE) {
        depth--;
        if (depth === this.#cutDepth) this.#endCut(i);
        if (depth === 0) {
          this.#depth = 0;
          return this.#finishCapture(b, i + 1);
        }
      }
      i++;
    }
    this.#skip = i - n;
    this.#depth = depth;
    this.#inString = inString;
    return -1;
  }

  /** A string closed at `i` that is too long to hold: the placeholder stands in for it. */
  #longString(b: Uint8Array, i: number): void {
    if (this.#cut === CUT_NONE) this.#keepUpTo(this.#strKept, b);
    else if (this.#cut !== CUT_STRING) return;
    this.#placeholder('string-too-long', this.#pos + i + 1 - this.#strAbs, i + 1);
  }

  #startDeepCut(b: Uint8Array, i: number, depth: number): void {
    this.#keepUpTo(this.#len + i - this.#keptFrom, b);
    this.#cut = CUT_CONTAINER;
    this.#cutDepth = depth - 1;
    this.#cutAbs = this.#pos + i;
    this.#cutReason = 'nested-too-deep';
    this.#stringLimit = Number.POSITIVE_INFINITY;
  }

  /** The cut container (too deep, or the member of a too-large item) closed at `i`. */
  #endCut(i: number): void {
    this.#placeholder(this.#cutReason, this.#pos + i + 1 - this.#cutAbs, i + 1);
    this.#cutDepth = -1;
    this.#stringLimit = this.#maxString;
  }

  /** Make kept bytes exactly [0, offset) of the value: materialise them into #buf. */
  #keepUpTo(offset: number, b?: Uint8Array): void {
    if (offset > this.#len && b !== undefined)
      this.#append(b, this.#keptFrom, this.#keptFrom + offset - this.#len);
    this.#len = Math.min(this.#len, offset);
  }

  #placeholder(reason: RemovedValue['reason'], bytes: number, resume: number): void {
    const text = placeholderText(reason, bytes, this.#maxDepth);
    const json = new TextEncoder().encode(JSON.stringify(text));
    this.#append(json, 0, json.length);
    this.#removed.push({ text, removed: { path: '', bytes, reason } });
    this.#keptFrom = resume;
    this.#cut = CUT_NONE;
  }

  #scanScalar(b: Uint8Array, start: number): number {
    let i = start;
    while (i < b.length && !endsScalar(b[i] as number)) i++;
    if (i === b.length) return -1;
    return this.#finishCapture(b, i);
  }

  #append(src: Uint8Array, from: number, to: number): void {
    const count = to - from;
    if (count <= 0) return;
    if (this.#cut === CUT_DISCARD) return;
    const need = this.#len + count;
    if (need > this.#buf.length) {
      const grown = new Uint8Array(Math.max(need, this.#buf.length * 2, 65536));
      grown.set(this.#buf.subarray(0, this.#len));
      this.#buf = grown;
    }
    this.#buf.set(src.subarray(from, to), this.#len);
    this.#len = need;
  }

  /** The captured value ended at `end` (exclusive) in chunk `b`: decode, parse, hand it on. */
  #finishCapture(b: Uint8Array, end: number): number {
    this.#capturing = false;
    let bytes: Uint8Array | undefined;
    if (this.#cut !== CUT_DISCARD) {
      if (this.#len === 0 && this.#removed.length === 0) bytes = b.subarray(this.#keptFrom, end);
      else {
        this.#append(b, this.#keptFrom, end);
        bytes = this.#buf.subarray(0, this.#len);
      }
    }
    const size = this.#pos + end - this.#capStart;
    const removed = this.#removed;
    this.#removed = [];
    let text: string | undefined;
    if (bytes !== undefined) {
      try {
        text = this.#decoder.decode(bytes);
      } catch {
        const at = firstInvalidUtf8(bytes);
        const offset =
          removed.length === 0 && this.#len === 0 ? this.#capStart + Math.max(at, 0) : this.#capStart;
        throw new HarReadError(invalidUtf8Message(bytes[Math.max(at, 0)] ?? 0, offset));
      }
    }
    if (this.#buf.length > 8 * 1024 * 1024) this.#buf = new Uint8Array(0);
    this.#len = 0;
    this.#cut = CUT_NONE;
    this.#cutDepth = -1;
    if (this.#target === T_KEY) this.#finishKey(text ?? '');
    else if (this.#target === T_MEMBER) this.#finishMember(text, size, removed);
    else this.#finishItem(text, size, removed);
    return end;
  }

  #finishKey(text: string): void {
    try {
      this.#key = JSON.parse(text) as string;
    } catch (error) {
      throw this.#syntaxError(
        `a property name ${this.#where()} is not a valid JSON string (${reason(error)})`,
      );
    }
    this.#state = S_OBJ_COLON;
  }

  #finishMember(
    text: string | undefined,
    size: number,
    removed: { text: string; removed: RemovedValue }[],
  ): void {
    const owner = this.#stack[this.#stack.length - 1] === C_LOG ? this.#log : this.#root;
    let value: unknown;
    if (text === undefined) value = placeholderText('item-too-large', size, this.#maxDepth);
    else
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw this.#syntaxError(`${this.#memberName()} is not valid JSON (${reason(error)})`);
      }
    if (removed.length > 0 && typeof value === 'object' && value !== null && !Array.isArray(value))
      setOwn(value as Record<string, unknown>, REMOVED_FIELD, {
        removed: placeholderPaths(value, toWanted(removed)),
      });
    setOwn(owner, this.#key, value);
    this.#state = S_OBJ_AFTER;
  }

  #finishItem(
    text: string | undefined,
    size: number,
    removed: { text: string; removed: RemovedValue }[],
  ): void {
    const index = this.#index++;
    this.#state = S_ARR_AFTER;
    if (text === undefined) {
      const gone: RemovedValue = { path: '', bytes: size, reason: 'item-too-large' };
      this.#items.push({
        index,
        value: placeholderText('item-too-large', size, this.#maxDepth),
        problem: `is ${size} bytes, too large to hold`,
        removed: [gone],
      });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.#items.push({
        index,
        value: `${MARK}an item that is not valid JSON]`,
        problem: `is not valid JSON (${reason(error)})`,
      });
      return;
    }
    const item: HarItem = { index, value };
    const isEntry = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!isEntry) item.problem = 'is not an entry object';
    if (removed.length > 0) {
      const paths = placeholderPaths(value, toWanted(removed));
      item.removed = paths;
      if (isEntry) setOwn(value as Record<string, unknown>, REMOVED_FIELD, { removed: paths });
    }
    this.#items.push(item);
  }

  #memberName(): string {
    return this.#stack[this.#stack.length - 1] === C_LOG ? `log.${this.#key}` : this.#key;
  }

  #where(): string {
    if (this.#capturing && this.#target === T_ITEM) return `inside log.entries[${this.#index}]`;
    if (this.#capturing && this.#target === T_MEMBER) return `inside ${this.#memberName()}`;
    const context = this.#stack[this.#stack.length - 1];
    if (context === C_ENTRIES) return `inside log.entries after ${this.#index} entries`;
    if (context === C_LOG) return 'inside "log"';
    return this.#stack.length === 0 ? 'before the JSON starts' : 'inside the JSON object';
  }

  #unexpected(c: number, i: number, expected: string): HarReadError {
    return this.#syntaxError(`unexpected ${describeByte(c)} at byte ${this.#pos + i}, expected ${expected}`);
  }

  #syntaxError(detail: string): HarReadError {
    return new HarReadError(`not a HAR file: the content is not valid JSON (${detail})`);
  }
}

function toWanted(removed: readonly { text: string; removed: RemovedValue }[]): Map<string, RemovedValue[]> {
  const wanted = new Map<string, RemovedValue[]>();
  for (const { text, removed: value } of removed) wanted.set(text, [...(wanted.get(text) ?? []), value]);
  return wanted;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
