import { BODY_HEAD_CHARS, Fifo, headOf, withCutBody, type RetentionLimits } from '../retention.ts';
import type { Exchange } from '../exchange.ts';
import type { Diagnosis } from '../diagnosis.ts';
import type { HarEntry } from '../har.ts';
import type { Attempt } from '../session/attempt.ts';
import type { FailureRow } from '../view/failure-row.ts';
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
 * A failure's record, always made by one of these two object literals (in the same property order)
 * so every kept failure shares one hidden class. Records made by spreading another one (`{ ...record,
 * bodyTrimmed: true }`) each got a hidden class and descriptor array of their own in V8: a heap
 * snapshot of 10,000 failures whose bodies were cut held ~20,000 maps used by one object each, about
 * 6.8 MB of the panel's 120 MB budget (bench:capture's entries in Node, BENCH_HEAP).
 */
export function failureRecord(
  index: number,
  entry: HarEntry,
  exchange: Exchange,
  diagnosis: Diagnosis,
  row: FailureRow,
  attempt: Attempt,
  bodyTrimmed = false,
): EngineRecord {
  return bodyTrimmed
    ? { index, entry, exchange, diagnosis, row, attempt, bodyTrimmed: true }
    : { index, entry, exchange, diagnosis, row, attempt };
}

/** The fields `cutExchange` copies by name: every other field of an Exchange is optional. */
type RequiredField =
  | 'index'
  | 'method'
  | 'url'
  | 'requestHeaders'
  | 'status'
  | 'statusText'
  | 'responseHeaders'
  | 'mimeType'
  | 'startedAt'
  | 'startedMs'
  | 'durationMs';
type OptionalField =
  | 'requestBody'
  | 'requestMimeType'
  | 'graphqlOperationName'
  | 'responseBody'
  | 'responseBodyTruncated'
  | 'responseBodySize'
  | 'responseBodyBinary'
  | 'networkError';
/** Fails the type check when Exchange gains a field cutExchange does not copy. */
const EVERY_FIELD_COPIED: Record<Exclude<keyof Exchange, RequiredField | OptionalField>, never> = {};
void EVERY_FIELD_COPIED;

/**
 * `exchange` with its response body replaced by `text` (none when undefined), marked cut. Built as
 * one object literal plus the optional fields in a fixed order, not by spreading: V8 gave each
 * spread copy (and each copy that then lost its body with `delete`) a hidden class of its own, about
 * 340 bytes per cut failure (see failureRecord).
 */
function cutExchange(exchange: Exchange, text: string | undefined, originalSize: number): Exchange {
  const cut: Exchange = {
    index: exchange.index,
    method: exchange.method,
    url: exchange.url,
    requestHeaders: exchange.requestHeaders,
    status: exchange.status,
    statusText: exchange.statusText,
    responseHeaders: exchange.responseHeaders,
    mimeType: exchange.mimeType,
    startedAt: exchange.startedAt,
    startedMs: exchange.startedMs,
    durationMs: exchange.durationMs,
  };
  if (exchange.requestBody !== undefined) cut.requestBody = exchange.requestBody;
  if (exchange.requestMimeType !== undefined) cut.requestMimeType = exchange.requestMimeType;
  if (exchange.graphqlOperationName !== undefined) cut.graphqlOperationName = exchange.graphqlOperationName;
  if (text !== undefined) cut.responseBody = text;
  cut.responseBodyTruncated = true;
  cut.responseBodySize = originalSize;
  if (exchange.responseBodyBinary !== undefined) cut.responseBodyBinary = exchange.responseBodyBinary;
  if (exchange.networkError !== undefined) cut.networkError = exchange.networkError;
  return cut;
}

/**
 * `record` with its response body cut to `keep` characters, or the record itself when it is no
 * longer than that. The diagnosis and row stay: they were made from the whole body. Request bodies
 * are never cut: the session rules' payload hashes are replayed from them after a reclassification.
 */
function cutRecord(record: EngineRecord, keep: number): EngineRecord {
  const { exchange, diagnosis, row } = record;
  const body = exchange.responseBody;
  // Only failures (which have a diagnosis and a row) are ever cut.
  if (body === undefined || body.length <= keep || diagnosis === undefined || row === undefined)
    return record;
  const originalSize = exchange.responseBodySize ?? body.length;
  const text = headOf(body, keep);
  const entry = withCutBody(record.entry, text, originalSize);
  const cut = cutExchange(exchange, keep > 0 ? text : undefined, originalSize);
  return failureRecord(record.index, entry, cut, diagnosis, row, record.attempt, true);
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
