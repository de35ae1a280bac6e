import { BODY_HEAD_CHARS, Fifo, headOf, withCutBody, type RetentionLimits } from '../retention.ts';
import type { EngineRecord } from './triage-engine.ts';

/** What one `admit` or `applyLimits` call changed, by kind. */
export interface Evicted {
  failures: EngineRecord[];
  successes: number;
  /** Failures whose response body was cut for the first time to stay within the body budget. */
  trimmed: number;
}

/** What admitting a record that is not kept changes: nothing (shared, never written to). */
const NOTHING_EVICTED: Evicted = Object.freeze({ failures: [], successes: 0, trimmed: 0 });

const bodyChars = (record: EngineRecord): number =>
  (record.exchange.responseBody?.length ?? 0) + (record.exchange.requestBody?.length ?? 0);

/**
 * `record` with its response body cut to `keep` characters, or the record itself when it is no
 * longer than that. The diagnosis and row stay: they were made from the whole body. Request bodies
 * are never cut: the session rules' payload hashes are replayed from them after a reclassification.
 */
function cutRecord(record: EngineRecord, keep: number): EngineRecord {
  const { exchange } = record;
  const body = exchange.responseBody;
  if (body === undefined || body.length <= keep) return record;
  const originalSize = exchange.responseBodySize ?? body.length;
  const text = headOf(body, keep);
  const cut = { ...exchange, responseBodyTruncated: true, responseBodySize: originalSize };
  if (keep > 0) cut.responseBody = text;
  else delete cut.responseBody;
  return {
    ...record,
    exchange: cut,
    entry: withCutBody(record.entry, text, originalSize),
    bodyTrimmed: true,
  };
}

/**
 * The engine's retention: failures and successes kept apart, so a burst of successes can never
 * push a failure out (issue 11: a 30,000-request session used to keep 2,966 bodiless successes
 * while evicting 83 % of its failures). Memory is spent on failures first: when their bodies pass
 * the budget, the oldest bodies are cut to a head, then dropped, before any failure would go; only
 * the failure count limit evicts failures. Records are looked up by index in O(1).
 */
export class RetainedRecords {
  readonly #failures = new Fifo<EngineRecord>();
  readonly #successes = new Fifo<EngineRecord>();
  readonly #byIndex = new Map<number, EngineRecord>();
  #bodyChars = 0;
  /**
   * How many of the oldest failures have had their body cut to the head, and how many have lost it.
   * Cuts go oldest first, like evictions, so each is a prefix of the failure queue.
   */
  #headCut = 0;
  #bodyDropped = 0;

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
    if ((record.diagnosis === undefined ? limits.maxSuccesses : limits.maxFailures) <= 0)
      return NOTHING_EVICTED;
    const evicted: Evicted = { failures: [], successes: 0, trimmed: 0 };
    if (record.diagnosis === undefined) {
      this.#successes.push(record);
    } else {
      this.#failures.push(record);
      this.#bodyChars += bodyChars(record);
    }
    this.#byIndex.set(record.index, record);
    this.#evictBeyond(limits, evicted);
    return evicted;
  }

  applyLimits(limits: RetentionLimits): Evicted {
    const evicted: Evicted = { failures: [], successes: 0, trimmed: 0 };
    this.#evictBeyond(limits, evicted);
    return evicted;
  }

  #evictBeyond(limits: RetentionLimits, evicted: Evicted): void {
    while (this.#successes.size > Math.max(0, limits.maxSuccesses)) {
      const gone = this.#successes.evictOldest();
      if (gone !== undefined) this.#byIndex.delete(gone.index);
      evicted.successes++;
    }
    while (this.#failures.size > Math.max(0, limits.maxFailures)) {
      const gone = this.#failures.evictOldest();
      if (gone === undefined) break;
      this.#byIndex.delete(gone.index);
      this.#bodyChars -= bodyChars(gone);
      this.#headCut = Math.max(0, this.#headCut - 1);
      this.#bodyDropped = Math.max(0, this.#bodyDropped - 1);
      evicted.failures.push(gone);
    }
    // The newest failure keeps its whole body (cut only to the per-body limit): it is what the
    // user is most likely looking at.
    const cuttable = this.#failures.size - 1;
    while (this.#bodyChars > limits.maxRetainedBodyChars && this.#headCut < cuttable)
      evicted.trimmed += this.#cut(this.#headCut++, BODY_HEAD_CHARS);
    while (this.#bodyChars > limits.maxRetainedBodyChars && this.#bodyDropped < cuttable)
      evicted.trimmed += this.#cut(this.#bodyDropped++, 0);
  }

  /** Cuts the body of the failure at `offset`; 1 when that failure lost body text for the first time. */
  #cut(offset: number, keep: number): number {
    const record = this.#failures.at(offset);
    if (record === undefined) return 0;
    const cut = cutRecord(record, keep);
    if (cut === record) return 0;
    this.#failures.replaceAt(offset, cut);
    this.#byIndex.set(cut.index, cut);
    this.#bodyChars -= bodyChars(record) - bodyChars(cut);
    return record.bodyTrimmed === true ? 0 : 1;
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

  /**
   * Replace every failure record (same order, same indexes, same bodies) after a reclassification,
   * so the cut prefixes still describe the queue.
   */
  replaceFailures(records: EngineRecord[]): void {
    for (const record of records) this.#byIndex.set(record.index, record);
    this.#failures.replaceAll(records);
  }

  clear(): void {
    this.#failures.replaceAll([]);
    this.#successes.replaceAll([]);
    this.#byIndex.clear();
    this.#bodyChars = 0;
    this.#headCut = 0;
    this.#bodyDropped = 0;
  }
}
