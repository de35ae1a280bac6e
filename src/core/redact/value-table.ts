/** Grows a column to `size` entries, keeping what it holds. */
function grown(column: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(column);
  return next;
}

/** FNV-1a over text[start, end), seeded by the group so equal text in two groups hashes apart. */
function hashRange(group: number, text: string, start: number, end: number): number {
  let hash = Math.imul(2166136261 ^ group, 16777619);
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash;
}

/**
 * Distinct (group, text) pairs numbered in the order first seen, where the text is a range of a
 * larger string: the range is hashed and compared in place, so looking up a value costs no slice,
 * and an entry is a row of integers (its source string is stored once per run of entries from
 * the same text) — no object or string per value for the garbage collector to copy between
 * generations. A dense body asks for tens of
 * thousands of distinct values, and a Map keyed by freshly sliced strings spent more time in
 * allocation and GC than in lookups. Open addressing, linear probing, load factor at most 1/2.
 */
export class ValueTable {
  private slots = new Int32Array(1024); // entry id + 1; 0 is an empty slot
  private hashes = new Int32Array(512);
  private groups = new Int32Array(512);
  private starts = new Int32Array(512);
  private ends = new Int32Array(512);
  /** Index into `texts` of each entry's source; consecutive entries usually share one text. */
  private sources = new Int32Array(512);
  private readonly texts: string[] = [];
  private count = 0;

  /** How many distinct entries the table holds; a new entry gets this number as its id. */
  get size(): number {
    return this.count;
  }

  /** The group an entry was added with. */
  groupOf(id: number): number {
    return this.groups[id] ?? 0;
  }

  /** The id of (group, text[start, end)), adding it (id === previous size) when it is new. */
  idOf(group: number, text: string, start: number, end: number): number {
    const hash = hashRange(group, text, start, end);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let stored = this.slots[slot] ?? 0; stored !== 0; stored = this.slots[slot] ?? 0) {
      const id = stored - 1;
      if (this.hashes[id] === hash && this.groups[id] === group && this.sameText(id, text, start, end))
        return id;
      slot = (slot + 1) & mask;
    }
    return this.add(slot, hash, group, text, start, end);
  }

  private sameText(id: number, text: string, start: number, end: number): boolean {
    const from = this.starts[id] ?? 0;
    if ((this.ends[id] ?? 0) - from !== end - start) return false;
    const source = this.texts[this.sources[id] ?? 0] ?? '';
    if (source === text && from === start) return true;
    for (let i = 0; i < end - start; i++)
      if (source.charCodeAt(from + i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private add(slot: number, hash: number, group: number, text: string, start: number, end: number): number {
    const id = this.count++;
    if (id === this.hashes.length) this.growColumns();
    this.hashes[id] = hash;
    this.groups[id] = group;
    this.starts[id] = start;
    this.ends[id] = end;
    if (this.texts[this.texts.length - 1] !== text) this.texts.push(text);
    this.sources[id] = this.texts.length - 1;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    return id;
  }

  private growColumns(): void {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, size);
    this.groups = grown(this.groups, size);
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
    this.sources = grown(this.sources, size);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
