import type { HarSkeleton } from './har-reader.ts';

/**
 * `JSON.stringify(value, null, 2)` as it would appear `level` levels deep in a document indented
 * by two spaces: the value is wrapped in `level` arrays and the wrapping sliced off, so V8's own
 * serializer does all the work (a slice of a flat string is not a copy). The wrapper of level L is
 * L² + 3L characters before the value and L² + L after it ("[\n  [\n    " … "\n  ]\n]").
 * `undefined` comes out as `null`, as it does inside an array.
 */
export function jsonAtDepth(value: unknown, level: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(level * level + 3 * level, text.length - (level * level + level));
}

/** `"key": value` members of an object at `level`, skipping undefined as JSON.stringify does. */
function members(object: Record<string, unknown>, keys: readonly string[], level: number): string[] {
  const pad = '  '.repeat(level);
  const out: string[] = [];
  for (const key of keys) {
    const value = object[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    out.push(`${pad}${JSON.stringify(key)}: ${jsonAtDepth(value, level)}`);
  }
  return out;
}

/** Output is handed on in pieces of about this many characters (fewer, larger writes). */
const FLUSH_CHARS = 256 * 1024;

/**
 * Writes a HAR as a stream of text pieces, character for character what
 * `JSON.stringify(har, null, 2) + '\n'` would give for the whole archive (indented like the files
 * browsers write), without ever holding more than one entry's text: the skeleton's members are
 * written around the `log.entries` array, whose items come one at a time.
 */
export class HarWriter {
  readonly #write: (text: string) => void;
  readonly #after: string;
  #pending: string[] = [];
  #pendingChars = 0;
  #count = 0;

  /**
   * `skeleton` is everything but the items (its `log.entries` is where they go, in its key
   * position). Nothing is written until the first entry or `end`.
   */
  constructor(skeleton: HarSkeleton, write: (text: string) => void) {
    this.#write = write;
    const root = skeleton as unknown as Record<string, unknown>;
    const log = skeleton.log as Record<string, unknown>;
    const rootKeys = Object.keys(root);
    const logKeys = Object.keys(log);
    const r = rootKeys.indexOf('log');
    const e = logKeys.indexOf('entries');
    if (r === -1 || e === -1) throw new Error('HarWriter: the skeleton has no log.entries');
    const list = (items: readonly string[]): string => items.map((item) => `${item},\n`).join('');
    const tail = (items: readonly string[]): string => items.map((item) => `,\n${item}`).join('');
    this.#add(
      `{\n${list(members(root, rootKeys.slice(0, r), 1))}  "log": {\n` +
        `${list(members(log, logKeys.slice(0, e), 2))}    "entries": [`,
    );
    this.#after =
      `${tail(members(log, logKeys.slice(e + 1), 2))}\n  }` +
      `${tail(members(root, rootKeys.slice(r + 1), 1))}\n}\n`;
  }

  /** Entries written so far. */
  get count(): number {
    return this.#count;
  }

  /** The next `log.entries` item. */
  entry(value: unknown): void {
    this.#add(`${this.#count === 0 ? '\n      ' : ',\n      '}${jsonAtDepth(value, 3)}`);
    this.#count++;
  }

  /** Close the array and the archive, and hand on what is pending. */
  end(): void {
    this.#add(this.#count === 0 ? `]${this.#after}` : `\n    ]${this.#after}`);
    this.flush();
  }

  /** Hand on what is pending now (a host may flush before it waits for its sink to drain). */
  flush(): void {
    if (this.#pendingChars === 0) return;
    const text = this.#pending.length === 1 ? (this.#pending[0] as string) : this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    this.#write(text);
  }

  #add(text: string): void {
    this.#pending.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= FLUSH_CHARS) this.flush();
  }
}
