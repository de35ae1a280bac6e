import { batch, computed, signal } from '@preact/signals';
import type { ClassifyOptions } from '../../core/classify.ts';
import {
  TriageEngine,
  type DroppedCounts,
  type EngineRecord,
  type EngineUpdate,
  type HostRateLimit,
  type Retention,
} from '../../core/engine/index.ts';
import type { Finding } from '../../core/finding.ts';
import type { Har } from '../../core/har.ts';
import { isHarEntry } from '../../core/is-har-entry.ts';
import { parseHar } from '../../core/parse-har.ts';
import { sanitizeHar } from '../../core/redact/sanitize-har.ts';
import { buildTicket } from '../../core/ticket/build-ticket.ts';
import { EMPTY_FILTER, type FailureFilter } from '../../core/view/failure-filter.ts';
import type { FailureRow } from '../../core/view/failure-row.ts';
import { filterFailures } from '../../core/view/filter-failures.ts';
import { sortFailures, type FailureSort } from '../../core/view/sort-failures.ts';
import { facetsOf } from '../../core/view/facets-of.ts';
import type {
  CaptureBatch,
  CaptureConnection,
  CaptureLimits,
  DroppedBeforePanel,
} from '../../platform/capture-channel.ts';
import type { Platform, Theme } from '../../platform/platform.ts';
import { CaptureIntake } from './capture-intake.ts';
import { parseManagedHostMap, parseSettings } from './parse-settings.ts';
import { CHARS_PER_MB, DEFAULT_SETTINGS, type Settings } from './settings.ts';

/**
 * What the session no longer holds, by kind: the engine's counts plus what the devtools page's
 * buffer let go of before the panel was first shown (issue 11: "which were dropped").
 */
export type Dropped = DroppedCounts;

export interface FindingFocus {
  finding: Finding;
  ids: ReadonlySet<number>;
}

export type Connection = 'connecting' | 'live' | 'unavailable';
export type Notice = { kind: 'error' | 'info'; text: string };

const NO_DROPS: Dropped = { failures: 0, successes: 0, truncatedBodies: 0, trimmedBodies: 0, skipped: 0 };
const NOTHING_BEFORE_PANEL: DroppedBeforePanel = { failures: 0, successes: 0, trimmedBodies: 0 };

/** The capture buffer's limits are the panel's retention (both bound the same session). */
function captureLimits(settings: Settings): CaptureLimits {
  return {
    maxFailures: settings.maxFailures,
    maxSuccesses: settings.maxSuccesses,
    maxBodyChars: settings.maxBodyChars,
    maxRetainedBodyChars: settings.maxRetainedBodyMB * CHARS_PER_MB,
  };
}

/** What the engine changed since the views were last updated. */
interface Changes {
  failures: boolean;
  findings: boolean;
  rateLimits: boolean;
  /** Failures no longer kept, to drop the selection if it is one of them. */
  evicted: Set<number>;
}

const noChanges = (): Changes => ({
  failures: false,
  findings: false,
  rateLimits: false,
  evicted: new Set(),
});

/**
 * The panel's UI state, as signals, over the one engine in core (DESIGN.md "One pipeline"): the
 * store hands the engine what capture and import deliver, and turns what the engine reports into
 * signals. It classifies nothing itself. Components read signals and call methods.
 */
export class PanelStore {
  /** Kept failures, oldest first; a new array only when failures change (successes leave it alone). */
  readonly failures = signal<readonly EngineRecord[]>([]);
  /** How many failures and successes are kept (the toolbar's counts). */
  readonly counts = signal({ failures: 0, successes: 0 });
  readonly rows = computed(() => this.failures.value.map((r) => r.row as FailureRow));
  readonly filter = signal<FailureFilter>(EMPTY_FILTER);
  readonly sort = signal<FailureSort>({ by: 'time', dir: 'asc' });
  readonly grouped = signal(false);
  readonly facets = computed(() => facetsOf(this.rows.value));
  /** The finding the user clicked: the list then shows only the failures it concerns. */
  readonly focus = signal<FindingFocus | undefined>(undefined);
  readonly visibleRows = computed(() => {
    const { by, dir } = this.sort.value;
    const focus = this.focus.value;
    const rows = focus ? this.rows.value.filter((row) => focus.ids.has(row.id)) : this.rows.value;
    return sortFailures(filterFailures(rows, this.filter.value), by, dir);
  });
  readonly selectedId = signal<number | undefined>(undefined);
  readonly detailOpen = signal(false);
  readonly selected = computed(() => {
    const id = this.selectedId.value;
    void this.failures.value; // re-read after a reclassification replaced the records
    return id === undefined ? undefined : this.#engine.get(id);
  });
  readonly ticket = computed(() => {
    const record = this.selected.value;
    return record?.diagnosis ? buildTicket(record.exchange, record.diagnosis) : undefined;
  });
  readonly findings = signal<readonly Finding[]>([]);
  readonly rateLimits = signal<ReadonlyMap<string, HostRateLimit>>(new Map());
  readonly dropped = signal<Dropped>(NO_DROPS);
  readonly settings = signal<Settings>(DEFAULT_SETTINGS);
  readonly managedHostMap = signal<Settings['hostMap']>({});
  readonly hostMap = computed(() => ({ ...this.managedHostMap.value, ...this.settings.value.hostMap }));
  readonly theme = signal<Theme>('light');
  readonly connection = signal<Connection>('connecting');
  readonly notice = signal<Notice | undefined>(undefined);
  readonly view = signal<'list' | 'settings'>('list');
  /** Name of the imported HAR file being shown, if any. */
  readonly source = signal<string | undefined>(undefined);

  readonly #platform: Platform;
  readonly #engine: TriageEngine;
  /** Capture is fed to the engine in time slices (issue 11: no task over 100 ms). */
  readonly #intake = new CaptureIntake({
    entries: (entries) => this.#feed(entries),
    navigated: () => this.navigated(),
    publish: () => this.#publish(),
  });
  #changes = noChanges();
  #beforePanel = NOTHING_BEFORE_PANEL;
  #cleanups: (() => void)[] = [];
  #connection: CaptureConnection | undefined;

  constructor(platform: Platform) {
    this.#platform = platform;
    // Date.now: a captured request without a start time arrived when the browser reported it.
    this.#engine = new TriageEngine({ classify: this.#classifyOptions(), now: Date.now });
  }

  get platform(): Platform {
    return this.#platform;
  }

  /** Load settings, follow the theme, then join the capture stream. */
  async start(): Promise<void> {
    this.theme.value = this.#platform.theme();
    this.#cleanups.push(this.#platform.onThemeChanged((theme) => (this.theme.value = theme)));
    await this.#loadSettings();
    this.#engine.configure(this.#classifyOptions());
    this.#engine.setRetention(retentionOf(this.settings.value));
    const connection = this.#platform.connect(
      captureLimits(this.settings.value),
      (received) => this.receive(received),
      () => {
        if (this.connection.value === 'connecting') this.connection.value = 'unavailable';
      },
    );
    this.#connection = connection;
    this.#cleanups.push(() => connection.close());
  }

  stop(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  async #loadSettings(): Promise<void> {
    try {
      this.settings.value = parseSettings(await this.#platform.readSettings());
    } catch (error) {
      this.reportError(`Settings could not be read, defaults are in use (${String(error)}).`);
    }
    try {
      this.managedHostMap.value = parseManagedHostMap(await this.#platform.readManagedSettings());
    } catch {
      // No managed storage in this browser: no organisation presets.
    }
  }

  #classifyOptions(): ClassifyOptions {
    return { hostMap: this.hostMap.value };
  }

  /**
   * One batch from the devtools page, in capture order. It is fed to the engine in time slices
   * after any batch still waiting; the promise resolves once it is in the views (a small batch
   * already is when this returns).
   */
  receive(received: CaptureBatch): Promise<void> {
    if (received.initial) this.connection.value = 'live';
    // An imported file is shown on its own: live traffic (and navigations, which would clear
    // it) wait until the user clears the import.
    if (this.source.value !== undefined) return Promise.resolve();
    const dropped = received.dropped;
    if (dropped.failures + dropped.successes + dropped.trimmedBodies > 0)
      this.#beforePanel = {
        failures: this.#beforePanel.failures + dropped.failures,
        successes: this.#beforePanel.successes + dropped.successes,
        trimmedBodies: this.#beforePanel.trimmedBodies + dropped.trimmedBodies,
      };
    return this.#intake.push(received.events);
  }

  /** Resolves when every batch received so far is in the views. */
  settled(): Promise<void> {
    return this.#intake.settled();
  }

  /** The inspected page navigated: start over unless Preserve log is on (Network panel habit). */
  navigated(): void {
    if (!this.settings.value.preserveLog) this.#startOver();
  }

  /** Clear: forget the session and whatever capture is still waiting to be fed. */
  clear(): void {
    this.#intake.cancel();
    this.#startOver();
  }

  #startOver(): void {
    batch(() => {
      this.#engine.clear();
      this.#changes = noChanges();
      this.#beforePanel = NOTHING_BEFORE_PANEL;
      this.failures.value = [];
      this.counts.value = { failures: 0, successes: 0 };
      this.findings.value = [];
      this.rateLimits.value = new Map();
      this.dropped.value = NO_DROPS;
      this.selectedId.value = undefined;
      this.detailOpen.value = false;
      this.focus.value = undefined;
      this.source.value = undefined;
    });
  }

  /**
   * A file the user imported: shown if it is a HAR, otherwise an error that says what to do.
   * Parsing a large file blocks for a moment, so the "Importing…" state is painted first.
   */
  importText(fileName: string, text: string): Promise<void> {
    this.notice.value = { kind: 'info', text: `Importing ${fileName}…` };
    return new Promise((resolve) =>
      setTimeout(() => {
        const parsed = parseHar(text);
        if (parsed.ok) this.importHar(parsed.har, fileName);
        else
          this.reportError(
            `${fileName}: ${parsed.error}. Export one from the Network panel with "Save all as HAR".`,
          );
        resolve();
      }, 0),
    );
  }

  /** Show an imported HAR file instead of the live session, indexed like the CLI (log.entries). */
  importHar(har: Har, name: string): void {
    batch(() => {
      this.clear();
      this.#feed(har.log.entries);
      this.#publish();
      this.source.value = name;
      this.notice.value = { kind: 'info', text: importNotice(har.log.entries, name, this.dropped.value) };
    });
  }

  /** Hand entries to the engine; the views follow at the next `#publish`. */
  #feed(entries: readonly unknown[]): void {
    if (entries.length === 0) return;
    this.#note(this.#engine.add(entries));
  }

  #note(update: EngineUpdate): void {
    const changes = this.#changes;
    if (update.failuresReplaced || update.evictedFailures.length > 0) changes.failures = true;
    else if (!changes.failures) changes.failures = update.added.some((r) => r.diagnosis !== undefined);
    if (update.findingsChanged) changes.findings = true;
    if (update.rateLimitsChanged) changes.rateLimits = true;
    for (const index of update.evictedFailures) changes.evicted.add(index);
  }

  /** Turn what the engine changed since the last call into signals: one update of the views. */
  #publish(): void {
    const changes = this.#changes;
    this.#changes = noChanges();
    batch(() => {
      if (changes.failures) this.failures.value = this.#engine.failures();
      const { failures, successes } = this.#engine.counts();
      const counts = this.counts.value;
      if (counts.failures !== failures || counts.successes !== successes)
        this.counts.value = { failures, successes };
      if (changes.findings) this.findings.value = this.#engine.findings();
      if (changes.rateLimits) this.rateLimits.value = this.#engine.rateLimits();
      const selected = this.selectedId.value;
      if (selected !== undefined && changes.evicted.has(selected)) {
        this.selectedId.value = undefined;
        this.detailOpen.value = false;
      }
      this.#publishDropped();
    });
  }

  #publishDropped(): void {
    const counts = this.#engine.dropped();
    const before = this.#beforePanel;
    const now = this.dropped.value;
    const next: Dropped = {
      ...counts,
      failures: counts.failures + before.failures,
      successes: counts.successes + before.successes,
      trimmedBodies: counts.trimmedBodies + before.trimmedBodies,
    };
    if ((Object.keys(next) as (keyof Dropped)[]).some((kind) => next[kind] !== now[kind]))
      this.dropped.value = next;
  }

  /** Apply and persist settings; a mapping change re-classifies at once, a lower limit evicts. */
  async updateSettings(change: Partial<Settings>): Promise<void> {
    const before = this.settings.value;
    const next = parseSettings({ ...before, ...change });
    batch(() => {
      this.settings.value = next;
      if (JSON.stringify(before.hostMap) !== JSON.stringify(next.hostMap)) this.reclassify();
      this.#note(this.#engine.setRetention(retentionOf(next)));
      this.#publish();
    });
    if (JSON.stringify(captureLimits(next)) !== JSON.stringify(captureLimits(before)))
      this.#connection?.setLimits(captureLimits(next));
    try {
      await this.#platform.writeSettings(next);
    } catch (error) {
      this.reportError(`Settings apply to this session but could not be saved (${String(error)}).`);
    }
  }

  /** Classify everything kept again under the current settings (the engine replays the findings). */
  reclassify(): void {
    this.#note(this.#engine.configure(this.#classifyOptions()));
    this.#publish();
  }

  select(id: number | undefined, open = true): void {
    batch(() => {
      this.selectedId.value = id;
      this.detailOpen.value = open && id !== undefined;
    });
  }

  /** Move the selection up or down the visible list (keyboard), keeping the detail state. */
  moveSelection(delta: number): void {
    const rows = this.visibleRows.value;
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.id === this.selectedId.value);
    const next =
      at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    this.selectedId.value = rows[next]?.id;
  }

  openDetail(): void {
    if (this.selectedId.value !== undefined) this.detailOpen.value = true;
  }

  closeDetail(): void {
    this.detailOpen.value = false;
  }

  /**
   * Clicking a finding selects its exchanges: the list narrows to the failures it concerns and the
   * first is opened. A headroom finding about successful responses narrows to nothing, and the
   * focus bar still says which exchanges (by index) it is about.
   */
  selectFinding(finding: Finding): void {
    const ids = new Set(finding.entries);
    batch(() => {
      this.focus.value = { finding, ids };
      this.select(this.visibleRows.value[0]?.id);
    });
  }

  clearFocus(): void {
    this.focus.value = undefined;
  }

  setFilter(filter: FailureFilter): void {
    this.filter.value = filter;
  }

  setSort(sort: FailureSort): void {
    this.sort.value = sort;
  }

  setGrouped(grouped: boolean): void {
    this.grouped.value = grouped;
  }

  /** Every kept record, in arrival order (for the export and tests). */
  records(): EngineRecord[] {
    return this.#engine.records();
  }

  /**
   * The kept HAR entries as one HAR log, in start order like the Network panel's own export: the
   * browser reports requests as they finish, and a failure with no response can be reported before
   * slower requests that started earlier.
   */
  har(): Har {
    const records = this.records().sort((a, b) => a.exchange.startedMs - b.exchange.startedMs);
    return {
      log: {
        version: '1.2',
        creator: { name: 'API Error Inspector', version: this.#platform.version },
        entries: records.map((r) => r.entry),
      },
    };
  }

  /** Download the kept entries as a HAR with every secret and piece of personal data replaced. */
  exportSanitizedHar(): void {
    const sanitized = sanitizeHar(this.har());
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    this.#platform.downloadText(
      `api-errors-${stamp}.sanitized.har`,
      JSON.stringify(sanitized, null, 2),
      'application/json',
    );
  }

  reportError(text: string): void {
    this.notice.value = { kind: 'error', text };
  }

  dismissNotice(): void {
    this.notice.value = undefined;
  }
}

/** The engine's retention as the user set it. */
function retentionOf(settings: Settings): Partial<Retention> {
  return { ...captureLimits(settings), keepSuccessBodies: settings.keepSuccessBodies };
}

/** Say when the retention limits hid part of an imported file, and how to see all of it. */
function importNotice(entries: readonly unknown[], name: string, dropped: Dropped): string {
  const total = entries.length;
  const skipped = entries.filter((entry) => !isHarEntry(entry)).length;
  const broken =
    skipped === 0
      ? ''
      : ` ${skipped} ${skipped === 1 ? 'item was' : 'items were'} not HAR entries and skipped.`;
  if (dropped.failures === 0) return `Imported ${total} entries from ${name}.${broken}`;
  return (
    `Imported ${name}: ${dropped.failures} of its oldest failures are not shown (the retention ` +
    `limit). Raise "Keep at most … failures" in Settings and import it again to see them all.${broken}`
  );
}
