import { jsonKeyInfo, type KeyInfo } from './json-leaf.ts';

const SLOTS = 4096; // power of two; keys beyond what fits are looked up the slow way

/**
 * Object keys of a body, recognised in place: a hash over the characters picks a slot and the
 * key is compared with `startsWith`, so the common case (a key seen before) allocates nothing.
 * A megabyte body repeats the same few dozen keys hundreds of thousands of times.
 */
export class JsonKeyTable {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(SLOTS);
  private readonly infos: (KeyInfo | undefined)[] = new Array<KeyInfo | undefined>(SLOTS);

  /**
   * The key spelled by text[start, end) and what it means for redaction; undefined when the key
   * has escapes (the caller decodes those the slow way).
   */
  lookup(text: string, start: number, end: number): { key: string; info: KeyInfo } | undefined {
    let hash = 2166136261;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 92) return undefined;
      hash = Math.imul(hash ^ code, 16777619);
    }
    const slot = (hash >>> 0) & (SLOTS - 1);
    const known = this.keys[slot];
    const info = this.infos[slot];
    if (
      known !== undefined &&
      info !== undefined &&
      known.length === end - start &&
      text.startsWith(known, start)
    )
      return { key: known, info };
    const key = text.slice(start, end);
    const fresh = jsonKeyInfo(key);
    this.keys[slot] = key;
    this.infos[slot] = fresh;
    return { key, info: fresh };
  }
}
