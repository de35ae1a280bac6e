import { batch, computed, signal } from '@preact/signals';
import type { Finding } from '../../core/finding.ts';
import type { Har, HarEntry } from '../../core/har.ts';
import { isHarEntry } from '../../core/is-har-entry.ts';
import { parseHar } from '../../core/parse-har.ts';
import { sanitizeHar } from '../../core/redact/index.ts';
import { SessionAnalyzer } from '../../core/session/session-analyzer.ts';
import { buildTicket } from '../../core/ticket/index.ts';
import { EMPTY_FILTER, type FailureFilter } from '../../core/view/failure-filter.ts';
import type { FailureRow } from '../../core/view/failure-row.ts';
import { filterFailures } from '../../core/view/filter-failures.ts';
import { sortFailures, type FailureSort } from '../../core/view/sort-failures.ts';
import { facetsOf } from '../../core/view/facets-of.ts';
import type { CaptureBatch } from '../../platform/capture/capture-message.ts';
import type { CaptureConnection } from '../../platform/capture/connect-capture.ts';
import type { Platform, Theme } from '../../platform/platform.ts';
import { hostRateLimit, type HostRateLimit } from './host-rate-limit.ts';
import { diagnosed } from './diagnosed.ts';
import { parseManagedHostMap, parseSettings } from './parse-settings.ts';
import { recordFromEntry } from './record-from-entry.ts';
import { sessionHar } from './session-har.ts';
import type { SessionRecord } from './session-record.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

export interface Dropped {
  /** Exchanges evicted because the session exceeded the retention limit. */
  exchanges: number;
  /** Bodies cut to the body limit. */
  truncatedBodies: number;
}

export interface FindingFocus {
  finding: Finding;
  ids: ReadonlySet<number>;
}

export type Connection = 'connecting' | 'live' | 'unavailable';
export type Notice = { kind: 'error' | 'info'; text: string };

const NO_DROPS: Dropped = { exchanges: 0, truncatedBodies: 0 };

/**
 * All panel state, as signals. Components read signals and call methods; nothing else mutates.
 * Work per captured exchange is constant (classify once, one incremental analyzer step); only a
 * mapping change re-classifies the session.
 */
export class PanelStore {
  readonly records = signal<readonly SessionRecord[]>([]);
  /**
   * The failed subset of `records`, kept in step by hand rather than computed: a burst of
   * successful requests then leaves it (and the filtered, sorted list built on it) untouched,
   * which keeps live capture cheap with thousands of failures kept.
   */
  readonly failures = signal<readonly SessionRecord[]>([]);
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
    return id === undefined ? undefined : this.records.value.find((r) => r.exchange.index === id);
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
  #analyzer = new SessionAnalyzer();
  #nextIndex = 0;
  #cleanups: (() => void)[] = [];
  #connection: CaptureConnection | undefined;

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  get platform(): Platform {
    return this.#platform;
  }

  /** Load settings, follow the theme, then join the capture stream. */
  async start(): Promise<void> {
    this.theme.value = this.#platform.theme();
    this.#cleanups.push(this.#platform.onThemeChanged((theme) => (this.theme.value = theme)));
    await this.#loadSettings();
    const { maxExchanges, maxBodyChars } = this.settings.value;
    const connection = this.#platform.connect(
      { maxExchanges, maxBodyChars },
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

  /** One batch from the devtools page, in capture order. */
  receive(received: CaptureBatch): void {
    batch(() => {
      if (received.initial) this.connection.value = 'live';
      // An imported file is shown on its own: live traffic (and navigations, which would clear
      // it) wait until the user clears the import.
      if (this.source.value !== undefined) return;
      if (received.dropped > 0) this.#addDropped({ exchanges: received.dropped, truncatedBodies: 0 });
      let pending: HarEntry[] = [];
      for (const event of received.events) {
        if (event.type === 'entry') pending.push(event.entry);
        else {
          this.#append(pending);
          pending = [];
          this.navigated();
        }
      }
      this.#append(pending);
    });
  }

  /** The inspected page navigated: start over unless Preserve log is on (Network panel habit). */
  navigated(): void {
    if (!this.settings.value.preserveLog) this.clear();
  }

  clear(): void {
    batch(() => {
      this.records.value = [];
      this.failures.value = [];
      this.findings.value = [];
      this.rateLimits.value = new Map();
      this.dropped.value = NO_DROPS;
      this.selectedId.value = undefined;
      this.detailOpen.value = false;
      this.focus.value = undefined;
      this.source.value = undefined;
      this.#analyzer.reset();
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
      this.#nextIndex = 0;
      this.#append(har.log.entries);
      this.source.value = name;
      this.notice.value = {
        kind: 'info',
        text: importNotice(har.log.entries, name, this.settings.value),
      };
    });
  }

  #append(entries: readonly HarEntry[]): void {
    if (entries.length === 0) return;
    const { maxBodyChars } = this.settings.value;
    const hostMap = this.hostMap.value;
    const added: SessionRecord[] = [];
    let truncated = 0;
    let findingsChanged = false;
    let limits: Map<string, HostRateLimit> | undefined;
    for (const entry of entries as readonly unknown[]) {
      const index = this.#nextIndex++;
      if (!isHarEntry(entry)) continue; // an imported file's broken item: skipped, indexes kept
      const record = recordFromEntry(entry, index, maxBodyChars, hostMap);
      if (record.exchange.responseBodyTruncated === true) truncated++;
      if (this.#analyzer.add(record.exchange, record.diagnosis).length > 0) findingsChanged = true;
      const limit = hostRateLimit(record.exchange);
      if (limit) (limits ??= new Map(this.rateLimits.value)).set(limit.host, limit);
      added.push(record);
    }
    batch(() => {
      this.#setRecords(
        [...this.records.value, ...added],
        added.filter((r) => r.row !== undefined),
      );
      if (truncated > 0) this.#addDropped({ exchanges: 0, truncatedBodies: truncated });
      if (findingsChanged) this.findings.value = this.#analyzer.findings();
      if (limits) this.rateLimits.value = limits;
    });
  }

  /** Keep at most maxExchanges, evicting the oldest and counting them. */
  #setRecords(records: readonly SessionRecord[], addedFailures: readonly SessionRecord[]): void {
    const excess = Math.max(0, records.length - this.settings.value.maxExchanges);
    const kept = excess > 0 ? records.slice(excess) : records;
    let failures = this.failures.value;
    if (addedFailures.length > 0) failures = [...failures, ...addedFailures];
    if (records.slice(0, excess).some((r) => r.row !== undefined)) {
      // Indexes grow with arrival, so everything before the first kept record was evicted.
      const firstKept = kept[0]?.exchange.index ?? Number.POSITIVE_INFINITY;
      failures = failures.filter((r) => r.exchange.index >= firstKept);
    }
    this.records.value = kept;
    if (failures !== this.failures.value) this.failures.value = failures;
    if (excess === 0) return;
    this.#addDropped({ exchanges: excess, truncatedBodies: 0 });
    const selected = this.selectedId.value;
    if (selected !== undefined && !kept.some((r) => r.exchange.index === selected)) {
      this.selectedId.value = undefined;
      this.detailOpen.value = false;
    }
  }

  #addDropped(more: Dropped): void {
    const now = this.dropped.value;
    this.dropped.value = {
      exchanges: now.exchanges + more.exchanges,
      truncatedBodies: now.truncatedBodies + more.truncatedBodies,
    };
  }

  /** Apply and persist settings; a mapping change re-classifies at once, a lower limit evicts. */
  async updateSettings(change: Partial<Settings>): Promise<void> {
    const before = this.settings.value;
    const next = parseSettings({ ...before, ...change });
    batch(() => {
      this.settings.value = next;
      if (JSON.stringify(before.hostMap) !== JSON.stringify(next.hostMap)) this.reclassify();
      if (next.maxExchanges < before.maxExchanges) this.#setRecords(this.records.value, []);
    });
    if (next.maxExchanges !== before.maxExchanges || next.maxBodyChars !== before.maxBodyChars)
      this.#connection?.setLimits({ maxExchanges: next.maxExchanges, maxBodyChars: next.maxBodyChars });
    try {
      await this.#platform.writeSettings(next);
    } catch (error) {
      this.reportError(`Settings apply to this session but could not be saved (${String(error)}).`);
    }
  }

  /** Re-run classification and the session analyses over everything kept. */
  reclassify(): void {
    const hostMap = this.hostMap.value;
    this.#analyzer.reset();
    const records = this.records.value.map((record) => {
      const next = diagnosed(record, hostMap);
      this.#analyzer.add(next.exchange, next.diagnosis);
      return next;
    });
    batch(() => {
      this.records.value = records;
      this.failures.value = records.filter((r) => r.row !== undefined);
      this.findings.value = this.#analyzer.findings();
    });
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

  /** The kept HAR entries as one HAR log (what "Export sanitized HAR" sanitizes). */
  har(): Har {
    return sessionHar(this.records.value, this.#platform.version);
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

/** Say when the retention limit hid part of an imported file, and how to see all of it. */
function importNotice(entries: readonly unknown[], name: string, settings: Settings): string {
  const total = entries.length;
  const skipped = entries.filter((entry) => !isHarEntry(entry)).length;
  const broken =
    skipped === 0
      ? ''
      : ` ${skipped} ${skipped === 1 ? 'item was' : 'items were'} not HAR entries and skipped.`;
  if (total <= settings.maxExchanges) return `Imported ${total} entries from ${name}.${broken}`;
  return (
    `Imported ${name}: showing the newest ${settings.maxExchanges} of ${total} entries (the retention ` +
    `limit). Raise "Keep at most … requests" in Settings and import it again to see them all.${broken}`
  );
}
