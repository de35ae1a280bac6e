import { setOwn } from './formats/json-value.ts';
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
 * The memory budget they keep: 120 MB of heap for 10,000 failures and 2,000 successes. Bodies get
 * 20 Mi characters: enough for every one of 10,000 failures to keep at least its first
 * BODY_HEAD_CHARS (19.5 Mi), the newest whole; V8 stores them in 20 MB when they are Latin-1, as
 * JSON error bodies almost always are. The records without bodies (Chromium's full HAR entries,
 * which the export needs, their Exchanges, diagnoses and rows) cost about 4 KB each with their
 * strings and list items pooled (see StringPool). Measured in Node with bench:capture's entries
 * (10,000 failures of 2–50 KB bodies, 2,000 successes): 104.9 MB before pooling list items, 75.8
 * MB after with 24 Mi of bodies, 71.9 MB with 20 Mi. Entries as Chromium sends them for a page
 * calling from a timer carry a 30-hop async initiator stack each: 166 MB before such stacks were
 * shared whole (StringPool), 70 MB after. The panel's whole extension process in
 * Chromium, which also holds the devtools page and the rendered panel, is what
 * `npm run bench:capture` reports (README).
 */
export const DEFAULT_RETENTION: Retention = {
  maxFailures: 10_000,
  maxSuccesses: 2_000,
  maxBodyChars: 1_000_000,
  maxRetainedBodyChars: 20 * 1024 * 1024,
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
    if (key !== 'encoding' && key !== 'text' && key !== '_truncatedFrom') setOwn(content, key, value);
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

/** Longest JSON text of a nested tree the pool shares (a 32-parent async stack is about 10 Ki). */
const MAX_TREE_CHARS = 64 * 1024;
/** Most characters the keys of pooled trees hold together (2 Mi: 200 distinct 10 Ki stacks). */
const MAX_TREE_KEYS_CHARS = 2 * 1024 * 1024;

/** Freezes `value` and what it holds (to `depth` levels), so no holder changes what others read. */
function deepFreeze(value: object, depth: number): void {
  Object.freeze(value);
  if (depth === 0) return;
  for (const item of Object.values(value))
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) deepFreeze(item, depth - 1);
}

/** Most properties of a list item the pool shares (a header has 2, a stack frame 5). */
const LEAF_KEYS = 6;

/**
 * The key of a list item made only of short primitives (a header, a query parameter, an evidence
 * line, a stack frame), or undefined when it is anything else: another prototype, a nested
 * object, more than LEAF_KEYS properties, a string longer than `maxChars`. Lengths and type tags
 * make the key unambiguous whatever the characters.
 */
function leafKey(item: object, maxChars: number): string | undefined {
  if (Object.getPrototypeOf(item) !== Object.prototype) return undefined;
  let key = '';
  let count = 0;
  for (const name in item) {
    if (!Object.hasOwn(item, name) || ++count > LEAF_KEYS) return undefined;
    const value: unknown = (item as Record<string, unknown>)[name];
    let text: string;
    if (typeof value === 'string') {
      if (value.length > maxChars) return undefined;
      text = `s${value.length}:${value}`;
    } else if (typeof value === 'number' || typeof value === 'boolean' || value === null)
      text = `${typeof value}:${String(value)};`;
    else return undefined;
    key += `${name.length}:${name}${text}`;
  }
  return count === 0 ? undefined : key;
}

/**
 * One copy of each short string the kept entries repeat, and one frozen object for each list item
 * they repeat. Every captured entry arrives as a fresh deserialised object, so 10,000 kept
 * records hold 10,000 copies of the same header names and of values such as the User-Agent;
 * replacing them with one shared instance (equal strings: nothing observable changes) is most of
 * what a record's headers cost. The same holds one level up: a header object `{name, value}` costs
 * more than its two strings, and most items of a record's lists repeat exactly (an API's response
 * headers, the request's User-Agent, a diagnosis's evidence lines, the initiator's stack frames);
 * those objects are shared too, frozen so that no holder can change what the others read (nothing
 * edits a kept record in place: redaction and the export copy).
 * Measured in Node on Chromium 150 HAR entries, 10,000 failures and 2,000 successes without bodies:
 * 88.6 MB before, 64.7 MB after the strings were pooled (entries, diagnoses, rows and session
 * attempts); with bench:capture's entries and bodies, 104.9 MB before list items were pooled (its
 * 459,000 header objects alone took 20 MB), 83.1 MB after.
 * The tables are bounded: when full they start over, so memory stays bounded whatever the traffic.
 */
export class StringPool {
  #strings = new Map<string, string>();
  #items = new Map<string, object>();
  #trees = new Map<string, object>();
  /** Characters of the trees' keys, bounded apart from their count (a key can be 64 Ki). */
  #treeChars = 0;
  readonly #capacity: number;

  constructor(capacity = 8192) {
    this.#capacity = capacity;
  }

  /**
   * Replaces, in place, every string of at most `maxChars` characters found in `value`'s plain
   * objects and arrays (to a small depth) with the pooled instance, and every array item made of
   * such strings and other primitives with the pooled frozen item. What lies deeper than the walk
   * goes is shared whole (see #tree).
   */
  internIn(value: unknown, maxChars = 256, depth = 6): void {
    if (depth === 0 || typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    const list = Array.isArray(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      // Reflect.set, not assignment: a read-only property is left as it is instead of throwing.
      if (typeof item === 'string') {
        if (item.length <= maxChars) Reflect.set(record, key, this.#intern(item));
      } else if (typeof item === 'object' && item !== null) {
        const pooled = list ? this.#item(item, maxChars) : depth === 1 ? this.#tree(item) : undefined;
        if (pooled !== undefined) Reflect.set(record, key, pooled);
        else this.internIn(item, maxChars, depth - 1);
      }
    }
  }

  /**
   * The pooled tree equal to `item` (the same JSON text), deep-frozen; undefined when it is too
   * large to key or cannot be read as JSON. This is where Chromium's `_initiator` goes: a script's
   * request carries its JavaScript stack with every async parent (`stack.parent.parent…`, up to
   * DevTools' async stack depth), one level of nesting per parent, and a page calling from a timer
   * or a promise chain repeats the same chain on every request. bench:capture's heap after GC held
   * 425,000 such parents and 411,000 frames with their strings for 13,800 kept entries (over half of
   * the panel's 120 MB budget) before they were shared. JSON.stringify is the key because the entry
   * is JSON data (structured clone of what DevTools sent, or a parsed file).
   */
  #tree(item: object): object | undefined {
    let key: string;
    try {
      key = JSON.stringify(item);
    } catch {
      return undefined;
    }
    if (key === undefined || key.length > MAX_TREE_CHARS) return undefined;
    const known = this.#trees.get(key);
    if (known !== undefined) return known;
    if (this.#trees.size >= this.#capacity || this.#treeChars + key.length > MAX_TREE_KEYS_CHARS) {
      this.#trees = new Map();
      this.#treeChars = 0;
    }
    this.#treeChars += key.length;
    // The first of its kind becomes the shared one: its strings pooled, then frozen throughout.
    this.internIn(item, 256, 64);
    deepFreeze(item, 64);
    this.#trees.set(key, item);
    return item;
  }

  #intern(text: string): string {
    const known = this.#strings.get(text);
    if (known !== undefined) return known;
    if (this.#strings.size >= this.#capacity) this.#strings = new Map();
    this.#strings.set(text, text);
    return text;
  }

  /** The pooled item equal to `item`; undefined (left to the walk) when it is not a leaf. */
  #item(item: object, maxChars: number): object | undefined {
    if (Object.isFrozen(item)) return undefined;
    const key = leafKey(item, maxChars);
    if (key === undefined) return undefined;
    const known = this.#items.get(key);
    if (known !== undefined) return known;
    if (this.#items.size >= this.#capacity) this.#items = new Map();
    const pooled: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(item))
      setOwn(pooled, name, typeof value === 'string' ? this.#intern(value) : value);
    Object.freeze(pooled);
    this.#items.set(key, pooled);
    return pooled;
  }
}
