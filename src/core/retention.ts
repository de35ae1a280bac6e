import type { HarContent, HarEntry } from './har.ts';

/**
 * What the panel keeps of a live session, and how (issue 11: memory goes to failures first). Shared
 * by the engine's retention (core/engine) and the devtools page's buffer, which holds the session
 * under the same limits until the panel is first shown; a module of its own so the devtools page
 * does not load the whole engine for a few numbers.
 */

export interface RetentionLimits {
  /** Most failures kept; the oldest is evicted first. */
  maxFailures: number;
  /** Most successes kept (for findings and the export); they never displace a failure. */
  maxSuccesses: number;
  /**
   * Body text kept across all failures, in UTF-16 code units. Past it the oldest failures' response
   * bodies are cut to their first BODY_HEAD_CHARS characters, then (if that is not enough) dropped;
   * the failures themselves stay. Bounds memory where a count alone cannot (2 KB and 1 MB bodies).
   */
  maxRetainedBodyChars: number;
}

export interface Retention extends RetentionLimits {
  /** Longest body kept per exchange, in UTF-16 code units. */
  maxBodyChars: number;
  /** Keep successes' request bodies (only for the export; no session rule needs them). */
  keepSuccessBodies: boolean;
}

/**
 * The panel's defaults (issue 11): 10,000 failures in a long session, successes only as far as
 * findings and the export need them, and a body budget that bounds memory whatever the body sizes.
 *
 * The memory budget they keep: 120 MB of heap for 10,000 failures and 2,000 successes. A kept
 * record without its body costs about 5.4 KB with Chromium's full HAR entries (about 65 MB for
 * 12,000, measured in Node with short strings pooled, see StringPool); bodies get 24 Mi
 * characters, which V8 stores in 24 MB when they are Latin-1, as JSON error bodies almost always
 * are: 97 MB in Node for 10,000 failures of 2–50 KB bodies, 114 MB for the panel's whole extension
 * process in Chromium (`npm run bench:capture`, which also holds the devtools page and the
 * rendered panel). A smaller body budget would cut bodies users read; the records themselves are
 * the HAR entries the export needs.
 */
export const DEFAULT_RETENTION: Retention = {
  maxFailures: 10_000,
  maxSuccesses: 2_000,
  maxBodyChars: 1_000_000,
  maxRetainedBodyChars: 24 * 1024 * 1024,
  keepSuccessBodies: false,
};

/** A host that streams its results (the CLI) keeps nothing: memory bounded by one entry. */
export const KEEP_NOTHING: Retention = {
  maxFailures: 0,
  maxSuccesses: 0,
  maxBodyChars: Number.POSITIVE_INFINITY,
  maxRetainedBodyChars: 0,
  keepSuccessBodies: false,
};

/**
 * How much of a body survives when the body budget is short: the first 2,048 characters. A JSON
 * error document is usually shorter and stays whole; a 50 KB error page keeps its head, where the
 * error object (code, message, request id) usually sits.
 */
export const BODY_HEAD_CHARS = 2_048;

/**
 * The first `chars` characters of `text` as a string of their own. `slice` alone gives a V8
 * "sliced string" that keeps the whole original alive (measured: 10,000 failures whose bodies were
 * cut to their head still held 416 MB in Node), which would defeat the body budget; a JSON round
 * trip of the head makes a flat copy, at the cost of copying 2,048 characters.
 */
export function headOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return JSON.parse(JSON.stringify(text.slice(0, chars))) as string;
}

/**
 * A copy of `entry` whose response body is `text`, marked `_truncatedFrom` (HAR 1.2 allows
 * `_`-prefixed fields) so the export and a re-import say the body is incomplete. `text` is the
 * decoded body, so any base64 `encoding` goes. The caller's object is not modified.
 */
export function withCutBody(entry: HarEntry, text: string, originalSize: number): HarEntry {
  const content: HarContent = {};
  for (const [key, value] of Object.entries(entry.response?.content ?? {}))
    if (key !== 'encoding' && key !== 'text' && key !== '_truncatedFrom') content[key] = value;
  content.text = text;
  content['_truncatedFrom'] = originalSize;
  return { ...entry, response: { ...entry.response, content } };
}

/**
 * A first-in, first-out list with O(1) amortised push and evict-oldest: a head offset instead of
 * `Array#shift` (which moves every element), compacted once the dead prefix is as long as the
 * live part. Evicting from a 10,000-failure session then costs the same as from a 10-item one.
 * Items can be read and replaced in place by their offset from the oldest.
 */
export class Fifo<T> {
  #items: T[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  /** The item `offset` places after the oldest. */
  at(offset: number): T | undefined {
    return this.#items[this.#head + offset];
  }

  replaceAt(offset: number, item: T): void {
    if (offset >= 0 && offset < this.size) this.#items[this.#head + offset] = item;
  }

  evictOldest(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.#items[this.#head] as T;
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** The live items, oldest first (a copy: callers may keep it while the queue changes). */
  toArray(): T[] {
    return this.#items.slice(this.#head);
  }

  replaceAll(items: T[]): void {
    this.#items = items;
    this.#head = 0;
  }
}

/** A HAR name/value pair with nothing else (a header, a query parameter, a cookie without attributes). */
function isPlainPair(value: object): value is { name: string; value: string } {
  const pair = value as { name?: unknown; value?: unknown };
  if (typeof pair.name !== 'string' || typeof pair.value !== 'string') return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let keys = 0;
  for (const key in value) if (++keys > 2 || (key !== 'name' && key !== 'value')) return false;
  return keys === 2;
}

/**
 * One copy of each short string the kept entries repeat, and one frozen object for each name/value
 * pair they repeat. Every captured entry arrives as a fresh deserialised object, so 10,000 kept
 * records hold 10,000 copies of the same header names and of values such as the User-Agent;
 * replacing them with one shared instance (equal strings: nothing observable changes) is most of
 * what a record's headers cost. The same holds one level up: a header object `{name, value}` costs
 * more than its two strings, and most headers of an API's responses repeat exactly (Content-Type,
 * Connection, the User-Agent); those objects are shared too, frozen so that no holder can change
 * what the others read (nothing in the panel edits a kept entry: redaction and the export copy).
 * Measured in Node on Chromium 150 HAR entries, 10,000 failures and 2,000 successes without bodies:
 * 88.6 MB before, 64.7 MB after the strings were pooled (entries, diagnoses, rows and session
 * attempts); with bench:capture's entries, 459,000 header objects (20 MB) before pairs were pooled.
 * The tables are bounded: when full they start over, so memory stays bounded whatever the traffic.
 */
export class StringPool {
  #strings = new Map<string, string>();
  #pairs = new Map<string, Readonly<{ name: string; value: string }>>();
  readonly #capacity: number;

  constructor(capacity = 8192) {
    this.#capacity = capacity;
  }

  /**
   * Replaces, in place, every string of at most `maxChars` characters found in `value`'s plain
   * objects and arrays (to a small depth) with the pooled instance, and every plain name/value
   * pair of such strings with the pooled frozen pair.
   */
  internIn(value: unknown, maxChars = 256, depth = 6): void {
    if (depth === 0 || typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      // Reflect.set, not assignment: a read-only property is left as it is instead of throwing.
      if (typeof item === 'string') {
        if (item.length <= maxChars) Reflect.set(record, key, this.#intern(item));
      } else if (typeof item === 'object' && item !== null) {
        const pair = isPlainPair(item) ? this.#pair(item, maxChars) : undefined;
        if (pair !== undefined) Reflect.set(record, key, pair);
        else this.internIn(item, maxChars, depth - 1);
      }
    }
  }

  #intern(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    if (this.#strings.size >= this.#capacity) this.#strings = new Map();
    this.#strings.set(text, text);
    return text;
  }

  /** The pooled pair equal to `pair`; undefined (left as it is) when a string is too long to pool. */
  #pair(pair: { name: string; value: string }, maxChars: number): object | undefined {
    if (pair.name.length > maxChars || pair.value.length > maxChars) return undefined;
    // The name's length first: the key is unambiguous whatever characters the two hold.
    const key = `${pair.name.length}:${pair.name}${pair.value}`;
    const known = this.#pairs.get(key);
    if (known !== undefined) return known;
    if (this.#pairs.size >= this.#capacity) this.#pairs = new Map();
    const pooled = Object.freeze({ name: this.#intern(pair.name), value: this.#intern(pair.value) });
    this.#pairs.set(key, pooled);
    return pooled;
  }
}
