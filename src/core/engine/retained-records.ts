import type { EngineRecord } from './triage-engine.ts';

/**
 * A first-in, first-out list of records with O(1) amortised push and evict-oldest: a head offset
 * instead of `Array#shift` (which moves every element), compacted once the dead prefix is as long
 * as the live part. Eviction in a 10,000-failure session then costs the same as in a 10-record one.
 */
class RecordQueue {
  #items: EngineRecord[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(record: EngineRecord): void {
    this.#items.push(record);
  }

  oldest(): EngineRecord | undefined {
    return this.#items[this.#head];
  }

  evictOldest(): EngineRecord | undefined {
    const record = this.#items[this.#head];
    if (record === undefined) return undefined;
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return record;
  }

  /** The live records, oldest first (a copy: callers may keep it while the queue changes). */
  toArray(): EngineRecord[] {
    return this.#items.slice(this.#head);
  }

  replaceAll(records: EngineRecord[]): void {
    this.#items = records;
    this.#head = 0;
  }

  clear(): void {
    this.replaceAll([]);
  }
}

/** What one `admit` or `applyLimits` call pushed out, by kind. */
export interface Evicted {
  failures: EngineRecord[];
  successes: number;
}

export interface RetentionLimits {
  /** Most failures kept; the oldest is evicted first. */
  maxFailures: number;
  /** Most successes kept (for findings and the export); they never displace a failure. */
  maxSuccesses: number;
  /**
   * Body text kept across all failures, in UTF-16 code units: when a new failure would pass it,
   * the oldest failures go first. Bounds memory where a count alone cannot (2 KB and 1 MB bodies).
   */
  maxRetainedBodyChars: number;
}

const bodyChars = (record: EngineRecord): number =>
  (record.exchange.responseBody?.length ?? 0) + (record.exchange.requestBody?.length ?? 0);

/**
 * The engine's retention: failures and successes kept apart, so a burst of successes can never
 * push a failure out (issue 11: a 30,000-request session used to keep 2,966 bodiless successes
 * while evicting 83 % of its failures). Records are looked up by index in O(1).
 */
export class RetainedRecords {
  readonly #failures = new RecordQueue();
  readonly #successes = new RecordQueue();
  readonly #byIndex = new Map<number, EngineRecord>();
  #bodyChars = 0;

  get failureCount(): number {
    return this.#failures.size;
  }

  get successCount(): number {
    return this.#successes.size;
  }

  get retainedBodyChars(): number {
    return this.#bodyChars;
  }

  get(index: number): EngineRecord | undefined {
    return this.#byIndex.get(index);
  }

  /** Keeps `record` if the limits allow, evicting older records of its kind to make room. */
  admit(record: EngineRecord, limits: RetentionLimits): Evicted {
    const evicted: Evicted = { failures: [], successes: 0 };
    if (record.diagnosis === undefined) {
      if (limits.maxSuccesses <= 0) return evicted;
      this.#successes.push(record);
    } else {
      if (limits.maxFailures <= 0) return evicted;
      this.#failures.push(record);
      this.#bodyChars += bodyChars(record);
    }
    this.#byIndex.set(record.index, record);
    this.#evictBeyond(limits, evicted);
    return evicted;
  }

  applyLimits(limits: RetentionLimits): Evicted {
    const evicted: Evicted = { failures: [], successes: 0 };
    this.#evictBeyond(limits, evicted);
    return evicted;
  }

  #evictBeyond(limits: RetentionLimits, evicted: Evicted): void {
    while (this.#successes.size > Math.max(0, limits.maxSuccesses)) {
      const gone = this.#successes.evictOldest();
      if (gone !== undefined) this.#byIndex.delete(gone.index);
      evicted.successes++;
    }
    // The newest failure always stays, even alone over the body budget: it is what the user is
    // looking at, and its body is already cut to the per-body limit.
    while (
      this.#failures.size > Math.max(0, limits.maxFailures) ||
      (this.#failures.size > 1 && this.#bodyChars > limits.maxRetainedBodyChars)
    ) {
      const gone = this.#failures.evictOldest();
      if (gone === undefined) break;
      this.#byIndex.delete(gone.index);
      this.#bodyChars -= bodyChars(gone);
      evicted.failures.push(gone);
    }
  }

  failures(): EngineRecord[] {
    return this.#failures.toArray();
  }

  /** Every kept record in arrival (index) order. */
  all(): EngineRecord[] {
    const failures = this.#failures.toArray();
    const successes = this.#successes.toArray();
    const merged: EngineRecord[] = [];
    let f = 0;
    let s = 0;
    while (f < failures.length || s < successes.length) {
      const failure = failures[f];
      const success = successes[s];
      if (success === undefined || (failure !== undefined && failure.index < success.index)) {
        merged.push(failure as EngineRecord);
        f++;
      } else {
        merged.push(success);
        s++;
      }
    }
    return merged;
  }

  /** Replace every failure record (same order, same indexes) after a reclassification. */
  replaceFailures(records: EngineRecord[]): void {
    for (const record of records) this.#byIndex.set(record.index, record);
    this.#failures.replaceAll(records);
  }

  clear(): void {
    this.#failures.clear();
    this.#successes.clear();
    this.#byIndex.clear();
    this.#bodyChars = 0;
  }
}
