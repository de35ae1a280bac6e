import { classify, type ClassifyOptions } from '../classify.ts';
import type { Diagnosis, RateLimitInfo } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { exchangeFromHarEntry } from '../exchange-from-har-entry.ts';
import type { Finding } from '../finding.ts';
import type { HarEntry } from '../har.ts';
import { isFailure } from '../is-failure.ts';
import { isHarEntry } from '../is-har-entry.ts';
import type { Attempt } from '../session/attempt.ts';
import { SessionAnalyzer } from '../session/session-analyzer.ts';
import { failureRow, type FailureRow } from '../view/failure-row.ts';
import { DEFAULT_RETENTION, StringPool, withCutBody, type Retention } from '../retention.ts';
import { failureRecord, RetainedRecords, type Evicted } from './retained-records.ts';

/** One exchange as the engine keeps it. Immutable: a reclassification makes a new record. */
export interface EngineRecord {
  /** Position in the session (live capture) or in `log.entries` (a HAR file). */
  readonly index: number;
  /**
   * The HAR entry as kept for the sanitized export: a failure's body cut to the body limit (marked
   * `_truncatedFrom`), a success without bodies unless `keepSuccessBodies` asks for them. Under a
   * success limit of 0 nothing is kept, and a success's record holds the entry as given.
   */
  readonly entry: HarEntry;
  readonly exchange: Exchange;
  /** Present exactly for failures (status >= 400, no response, errors inside a 200). */
  readonly diagnosis?: Diagnosis;
  readonly row?: FailureRow;
  /** What the session rules read from this exchange, kept so a reclassification can replay it. */
  readonly attempt: Attempt;
  /** The response body was cut (or dropped) later, to stay within the body budget. */
  readonly bodyTrimmed?: true;
}

/** The latest rate-limit figures one host reported, with when the response arrived. */
export interface HostRateLimit {
  host: string;
  info: RateLimitInfo;
  /** Epoch ms the response finished; `info.resetS` counts from here. */
  atMs: number;
}

/** What the engine stopped holding, so hosts can say so (issue 11: "which were dropped"). */
export interface DroppedCounts {
  failures: number;
  successes: number;
  /** Failure bodies cut to the per-body limit (the failure itself is kept). */
  truncatedBodies: number;
  /** Older failures whose body was cut to its head, or dropped, to stay within the body budget. */
  trimmedBodies: number;
  /** Items of `log.entries` that were not entry objects (skipped, their index still counted). */
  skipped: number;
}

/** What one call changed, so a host can update its views incrementally. */
export interface EngineUpdate {
  /** Every record this call created, kept or not (a streaming host reports them as they come). */
  added: EngineRecord[];
  /** Indexes of failures no longer kept. */
  evictedFailures: number[];
  evictedSuccesses: number;
  findingsChanged: boolean;
  rateLimitsChanged: boolean;
  /** The failure records were rebuilt (reclassification): views must re-read them all. */
  failuresReplaced: boolean;
}

export interface EngineOptions {
  classify?: ClassifyOptions;
  retention?: Partial<Retention>;
  /**
   * The clock for exchanges without a start time; the panel passes `Date.now` so the time a request
   * is reported stands in for its arrival (see SessionAnalyzer).
   */
  now?: () => number;
}

const NO_DROPS: DroppedCounts = {
  failures: 0,
  successes: 0,
  truncatedBodies: 0,
  trimmedBodies: 0,
  skipped: 0,
};

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * A kept failure's entry shares the Exchange's body string, cut to the limit and marked, so the
 * export says what was cut and memory holds one copy. The caller's object is not modified.
 */
function keptFailureEntry(entry: HarEntry, exchange: Exchange): HarEntry {
  const text = entry.response?.content?.text;
  if (exchange.responseBodyTruncated !== true || typeof text !== 'string') return entry;
  if (text.length <= (exchange.responseBody?.length ?? 0)) return entry;
  return withCutBody(entry, exchange.responseBody ?? '', exchange.responseBodySize ?? text.length);
}

/** A kept success: no response body (no rule reads it) and no request body unless asked for. */
function keptSuccess(entry: HarEntry, exchange: Exchange, keepBodies: boolean): [HarEntry, Exchange] {
  const response = entry.response;
  const kept: HarEntry = { ...entry };
  if (response?.content !== undefined) {
    const { text: _text, encoding: _encoding, ...content } = response.content;
    kept.response = { ...response, content };
  }
  const { responseBody: _body, ...slim } = exchange;
  if (keepBodies || entry.request?.postData === undefined) return [kept, slim];
  const { text: _postText, ...postData } = entry.request.postData;
  kept.request = { ...entry.request, postData };
  delete slim.requestBody;
  return [kept, slim];
}

/**
 * The one incremental engine (DESIGN.md "One pipeline"): live capture, HAR import and the CLI all
 * feed it entries in order, and read failures, findings and rate limits from it. Each entry is
 * normalised, classified when it failed, fed to the session rules and kept within the retention
 * limits; a settings change reclassifies what is kept. Hosts only wire and hold UI state.
 *
 * Cost per entry is constant: classification and the session rules look at one exchange, and
 * retention evicts from the front of a queue.
 */
export class TriageEngine {
  #options: ClassifyOptions;
  #retention: Retention;
  readonly #analyzer: SessionAnalyzer;
  readonly #records = new RetainedRecords();
  readonly #strings = new StringPool();
  #rateLimits = new Map<string, HostRateLimit>();
  #dropped: DroppedCounts = NO_DROPS;
  #nextIndex = 0;
  /** addEntry's update, whose counts and flags nobody reads (the record it returns is what the host gets). */
  readonly #scratch = emptyUpdate();

  constructor(options: EngineOptions = {}) {
    this.#options = options.classify ?? {};
    this.#retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.#analyzer = new SessionAnalyzer(options.now === undefined ? {} : { now: options.now });
  }

  get classifyOptions(): ClassifyOptions {
    return this.#options;
  }

  get retention(): Retention {
    return this.#retention;
  }

  /**
   * Feed entries in arrival order, numbered on from the last one (after `clear`, a HAR file's
   * entries get their `log.entries` index). An item that is not an entry object is skipped and
   * counted, and still uses its index.
   */
  add(entries: Iterable<unknown>): EngineUpdate {
    const update = emptyUpdate();
    for (const entry of entries) this.#addOne(entry, this.#nextIndex, update);
    return update;
  }

  /**
   * One entry at a known index (the streaming CLI's call): the record made, whether kept or not,
   * or undefined for an item that is not an entry.
   */
  addEntry(entry: unknown, index = this.#nextIndex): EngineRecord | undefined {
    // One update object reused across calls: a streamed HAR calls this once per entry.
    const update = this.#scratch;
    update.added.length = 0;
    update.evictedFailures.length = 0;
    update.evictedSuccesses = 0;
    this.#addOne(entry, index, update);
    const record = update.added[0];
    update.added.length = 0;
    return record;
  }

  #addOne(entry: unknown, index: number, update: EngineUpdate): void {
    this.#nextIndex = Math.max(this.#nextIndex, index + 1);
    if (!isHarEntry(entry)) {
      this.#count({ skipped: 1 });
      return;
    }
    const { maxBodyChars, keepSuccessBodies, maxFailures, maxSuccesses } = this.#retention;
    // A record that may be kept shares its short strings with the others (equal strings, so the
    // caller's entry reads the same); a streaming host keeps nothing and skips the walk.
    if (maxFailures > 0 || maxSuccesses > 0) this.#strings.internIn(entry);
    let exchange = exchangeFromHarEntry(entry, index, { maxBodyChars });
    const diagnosis = isFailure(exchange, this.#options) ? classify(exchange, this.#options) : undefined;
    const attempt = this.#analyzer.attemptOf(exchange, diagnosis);
    if (this.#analyzer.addAttempt(attempt).length > 0) update.findingsChanged = true;
    if (attempt.rateLimit !== undefined && this.#noteRateLimit(exchange, attempt.rateLimit))
      update.rateLimitsChanged = true;
    let record: EngineRecord;
    if (diagnosis === undefined) {
      // A success that will not be kept (the streaming CLI keeps none) is not slimmed: copying
      // every success's entry to drop bodies nobody holds was garbage for the collector.
      let kept = entry;
      if (maxSuccesses > 0) [kept, exchange] = keptSuccess(entry, exchange, keepSuccessBodies);
      record = { index, entry: kept, exchange, attempt };
    } else {
      if (exchange.responseBodyTruncated === true) this.#count({ truncatedBodies: 1 });
      const kept = keptFailureEntry(entry, exchange);
      const row = failureRow(exchange, diagnosis);
      // The diagnosis and row repeat their texts (actions, evidence, categories) across failures.
      if (maxFailures > 0) for (const made of [diagnosis, row, attempt]) this.#strings.internIn(made);
      record = failureRecord(index, kept, exchange, diagnosis, row, attempt);
    }
    update.added.push(record);
    // With a limit of 0 (the streaming CLI) nothing is kept and nothing counts as dropped: the
    // host has the record from `added`.
    this.#noteEvicted(this.#records.admit(record, this.#retention), update);
  }

  #noteEvicted(evicted: Evicted, update: EngineUpdate): void {
    if (evicted.trimmed > 0) {
      this.#count({ trimmedBodies: evicted.trimmed });
      // A cut failure is a new record: views holding the old one must re-read.
      update.failuresReplaced = true;
    }
    if (evicted.successes === 0 && evicted.failures.length === 0) return;
    this.#count({ successes: evicted.successes, failures: evicted.failures.length });
    update.evictedSuccesses += evicted.successes;
    for (const gone of evicted.failures) update.evictedFailures.push(gone.index);
  }

  #noteRateLimit(exchange: Exchange, info: RateLimitInfo): boolean {
    const host = hostnameOf(exchange.url);
    if (host === undefined) return false;
    this.#rateLimits.set(host, { host, info, atMs: exchange.startedMs + exchange.durationMs });
    return true;
  }

  #count(more: Partial<DroppedCounts>): void {
    const now = this.#dropped;
    this.#dropped = {
      failures: now.failures + (more.failures ?? 0),
      successes: now.successes + (more.successes ?? 0),
      truncatedBodies: now.truncatedBodies + (more.truncatedBodies ?? 0),
      trimmedBodies: now.trimmedBodies + (more.trimmedBodies ?? 0),
      skipped: now.skipped + (more.skipped ?? 0),
    };
  }

  /**
   * Classify everything kept again under new options (a host mapping or profile changed), and
   * replay the session rules over it so findings follow. Successes replay their stored attempts.
   */
  configure(options: ClassifyOptions): EngineUpdate {
    this.#options = options;
    this.#analyzer.reset();
    const replaced: EngineRecord[] = [];
    for (const record of this.#records.all()) {
      if (record.diagnosis === undefined) {
        this.#analyzer.addAttempt(record.attempt);
        continue;
      }
      const diagnosis = classify(record.exchange, options);
      // The replayed attempt keeps the original arrival time for exchanges without a start time.
      const arrived = record.attempt.endMs;
      const attempt = this.#analyzer.attemptOf(
        record.exchange,
        diagnosis,
        arrived === undefined ? undefined : () => arrived,
      );
      this.#analyzer.addAttempt(attempt);
      const row = failureRow(record.exchange, diagnosis);
      replaced.push(
        failureRecord(
          record.index,
          record.entry,
          record.exchange,
          diagnosis,
          row,
          attempt,
          record.bodyTrimmed,
        ),
      );
    }
    this.#records.replaceFailures(replaced);
    return { ...emptyUpdate(), findingsChanged: true, failuresReplaced: true };
  }

  /** New limits; lower ones evict at once (oldest first) and are counted as dropped. */
  setRetention(retention: Partial<Retention>): EngineUpdate {
    this.#retention = { ...this.#retention, ...retention };
    const update = emptyUpdate();
    this.#noteEvicted(this.#records.applyLimits(this.#retention), update);
    return update;
  }

  /** Kept failures, oldest first. A new array on each call. */
  failures(): EngineRecord[] {
    return this.#records.failures();
  }

  /** Every kept record in index order. */
  records(): EngineRecord[] {
    return this.#records.all();
  }

  get(index: number): EngineRecord | undefined {
    return this.#records.get(index);
  }

  counts(): { failures: number; successes: number; retainedBodyChars: number } {
    return {
      failures: this.#records.failureCount,
      successes: this.#records.successCount,
      retainedBodyChars: this.#records.retainedBodyChars,
    };
  }

  /** Every finding so far, ordered by the first exchange it concerns. */
  findings(): Finding[] {
    return this.#analyzer.findings();
  }

  rateLimits(): ReadonlyMap<string, HostRateLimit> {
    return new Map(this.#rateLimits);
  }

  dropped(): DroppedCounts {
    return this.#dropped;
  }

  /** Start over (Clear, a navigation without Preserve log, an import). Indexes restart at 0. */
  clear(): void {
    this.#records.clear();
    this.#analyzer.reset();
    this.#rateLimits = new Map();
    this.#dropped = NO_DROPS;
    this.#nextIndex = 0;
  }
}

function emptyUpdate(): EngineUpdate {
  return {
    added: [],
    evictedFailures: [],
    evictedSuccesses: 0,
    findingsChanged: false,
    rateLimitsChanged: false,
    failuresReplaced: false,
  };
}
