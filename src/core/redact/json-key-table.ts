import { jsonKeyInfo, type KeyInfo } from './json-leaf.ts';

const SLOTS = 4096; // power of two; keys beyond what fits are looked up the slow way

/** A key as spelled in the body and what it means for redaction. */
export interface KeyEntry {
  key: string;
  info: KeyInfo;
  /** The key read right after this one the last time it was read: usually the next one again. */
  next: KeyEntry | undefined;
}

/**
 * Object keys of a body, recognised in place so the common case allocates nothing. A megabyte
 * body repeats the same few dozen keys hundreds of thousands of times, mostly in the same order
 * (a list of records of one shape), so each key remembers the key that followed it: when the
 * text at the next key's position spells that key followed by its closing quote, the key is
 * recognised by one comparison, without searching for the quote or hashing. Otherwise a hash
 * over the characters picks a slot and the slot's key is compared.
 */
export class JsonKeyTable {
  private readonly entries: (KeyEntry | undefined)[] = new Array<KeyEntry | undefined>(SLOTS);
  private last: KeyEntry | undefined;

  /**
   * The key whose text starts at `start` (after the opening quote) if it is the one that followed
   * the previous key last time, complete with its closing quote; undefined otherwise.
   */
  predicted(text: string, start: number): KeyEntry | undefined {
    const next = this.last?.next;
    if (next === undefined) return undefined;
    const key = next.key;
    // Stored keys have no backslash, so a quote right after them is the closing one.
    if (text.charCodeAt(start + key.length) !== 34) return undefined;
    for (let i = 0; i < key.length; i++)
      if (text.charCodeAt(start + i) !== key.charCodeAt(i)) return undefined;
    this.last = next;
    return next;
  }

  /**
   * The key spelled by text[start, end) and what it means for redaction; undefined when the key
   * has escapes (the caller decodes those the slow way).
   */
  lookup(text: string, start: number, end: number): KeyEntry | undefined {
    let hash = 2166136261;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 92) return undefined;
      hash = Math.imul(hash ^ code, 16777619);
    }
    const slot = (hash >>> 0) & (SLOTS - 1);
    let entry = this.entries[slot];
    if (entry === undefined || !spells(text, start, end, entry.key)) {
      const key = text.slice(start, end);
      entry = { key, info: jsonKeyInfo(key), next: undefined };
      this.entries[slot] = entry;
    }
    if (this.last !== undefined) this.last.next = entry;
    this.last = entry;
    return entry;
  }
}

/** text[start, end) is exactly `key` (a character loop: cheaper than startsWith at this size). */
function spells(text: string, start: number, end: number, key: string): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (text.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
  return true;
}
