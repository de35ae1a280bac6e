/**
 * A Map that keeps at most `capacity` keys, forgetting the least recently used one when full.
 *
 * Every per-key state of the session analyzer lives in one of these, which is what keeps both the
 * memory and the cost of one `add` independent of the session's length (a JS Map keeps insertion
 * order, so "touch" is delete + set and the oldest key is the first one: all O(1)).
 */
export class BoundedMap<K, V> {
  readonly #map = new Map<K, V>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  /**
   * The value for `key`. Reading does not refresh recency: every detector writes the key back with
   * `set` after reading it, and the extra delete + insert showed up in the triage profile.
   */
  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size <= this.#capacity) return;
    const oldest = this.#map.keys().next();
    if (oldest.done !== true) this.#map.delete(oldest.value);
  }

  delete(key: K): void {
    this.#map.delete(key);
  }

  /** Values from least to most recently used. */
  values(): IterableIterator<V> {
    return this.#map.values();
  }

  get size(): number {
    return this.#map.size;
  }
}
