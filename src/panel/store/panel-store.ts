import { batch, computed, signal } from '@preact/signals';
import type { ClassifyOptions } from '../../core/classify.ts';
import type {
  DroppedCounts,
  EngineRecord,
  EngineUpdate,
  HostRateLimit,
  Retention,
  TriageEngine,
} from '../../core/engine/index.ts';
import type { Finding } from '../../core/finding.ts';
import type { Har, HarEntry } from '../../core/har.ts';
import type { HarItem } from '../../core/har-stream/index.ts';
import type { Profile, ProfileDocument } from '../../core/profiles/index.ts';
import {
  EMPTY_FILTER,
  type FailureFilter,
  filterFailures,
  type FailureRow,
  sortFailures,
  type FailureSort,
  facetsOf,
} from '../../core/view/index.ts';
import type {
  CaptureBatch,
  CaptureConnection,
  CaptureLimits,
  DroppedBeforePanel,
} from '../../platform/capture-channel.ts';
import type { Platform, SearchEvent, Theme } from '../../platform/platform.ts';
import type { Transfer, TransferOutcome, TransferProgress } from '../har-transfer/index.ts';
// By its own path, not the folder's entry module: the entry also exports the worker's HarJobs, and
// the streaming reader and redaction it imports run code at module load, so a static import of the
// entry keeps them in the panel's first load (measured: +21 KB gzipped) though only the worker
// runs them.
import { HarTransferClient } from '../har-transfer/har-transfer-client.ts';
import { CaptureIntake, entryBodyChars, SLICE_CHARS, SLICE_ENTRIES } from './capture-intake.ts';
import {
  CHARS_PER_MB,
  DEFAULT_SETTINGS,
  hostMapInForce,
  profileDocumentsInForce,
  type Settings,
} from './settings.ts';

/**
 * What the session no longer holds, by kind: the engine's counts plus, for the live session, what
 * the devtools page's buffer let go of before the panel was first shown (issue 11: "which were
 * dropped").
 */
export type Dropped = DroppedCounts;

export interface FindingFocus {
  finding: Finding;
  ids: ReadonlySet<number>;
}

export type Connection = 'connecting' | 'live' | 'unavailable';

/** An import or export running in the HAR worker: what the progress bar and its Cancel show. */
export interface TransferState {
  kind: 'import' | 'export';
  name: string;
  progress?: TransferProgress;
}

/**
 * A message above the list. `about: 'import'` marks one that speaks of an imported file: it goes
 * when the file does (Clear, Back to live), so a failed import's error never outlives it.
 */
export type Notice = { kind: 'error' | 'info'; text: string; about?: 'import' };

/** The engine, registry and settings check: a chunk of its own, see panel-core.ts. */
type PanelCore = typeof import('./panel-core.ts');

let coreLoading: Promise<PanelCore> | undefined;
/** Starts loading the core chunk (once per page); the first store built starts it. */
function loadPanelCore(): Promise<PanelCore> {
  return (coreLoading ??= import('./panel-core.ts'));
}

/**
 * Starts a read now for a caller that awaits it later: a synchronous throw becomes a rejection, and
 * a rejection is not reported as unhandled meanwhile (the caller's try/catch deals with it).
 */
function readEarly(read: () => Promise<unknown>): Promise<unknown> {
  const result = Promise.resolve().then(read);
  result.catch(() => undefined);
  return result;
}

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

/** Runs `task` once the frame after this moment has been painted. */
export type AfterPaint = (task: () => void) => void;

/**
 * How long a selection holds capture back at most: a hidden panel paints no frame. Long enough
 * that on a loaded machine the frame comes first (bench:capture: a selection's frame came up to
 * 600 ms after the click under a load of 10 on 2 cores); capture loses nothing, it only waits.
 */
const SELECTION_HOLD_MS = 1_000;

/**
 * After the next frame: requestAnimationFrame runs before the frame is painted, so the task goes
 * to a task posted from there. A hidden document gets no animation frames, hence the timer.
 */
export const afterNextPaint: AfterPaint = (task) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, SELECTION_HOLD_MS);
};

export interface PanelStoreOptions {
  /** When a selection lets capture resume (tests run it by hand). */
  afterPaint?: AfterPaint;
}

/** The engine's retention as the user set it. */
function retentionOf(settings: Settings): Partial<Retention> {
  return { ...captureLimits(settings), keepSuccessBodies: settings.keepSuccessBodies };
}

/** What capture changed in the live engine since the views were last updated. */
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
  /** Whether any failure is kept: views that only need this do not re-render on every update. */
  readonly hasFailures = computed(() => this.failures.value.length > 0);
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
    return id === undefined ? undefined : this.#engine?.get(id);
  });
  readonly findings = signal<readonly Finding[]>([]);
  readonly rateLimits = signal<ReadonlyMap<string, HostRateLimit>>(new Map());
  readonly dropped = signal<Dropped>(NO_DROPS);
  readonly settings = signal<Settings>(DEFAULT_SETTINGS);
  readonly managedHostMap = signal<Settings['hostMap']>({});
  readonly hostMap = computed(() => hostMapInForce(this.settings.value.hostMap, this.managedHostMap.value));
  /** Profiles from managed storage (the organisation's), below the user's own of the same id. */
  readonly managedProfiles = signal<readonly ProfileDocument[]>([]);
  /** The user's and the organisation's profiles, ready to classify with (the user's win an id). */
  readonly profiles = computed<readonly Profile[]>(() => {
    const core = this.#core.value;
    if (core === undefined) return [];
    const documents = profileDocumentsInForce(this.settings.value.profiles, this.managedProfiles.value);
    return documents.flatMap((doc) => {
      const loaded = core.loadProfile(doc);
      return loaded.ok ? [loaded.profile] : [];
    });
  });
  /** Every profile a host can be mapped to, the user's and organisation's first, generic last. */
  readonly profileChoices = computed(() => {
    const core = this.#core.value;
    if (core === undefined) return [];
    const registry = core.registryFor(this.profiles.value);
    return [...registry.profiles, registry.generic].map((p) => ({
      id: p.id,
      name: p.name,
      builtIn: p.builtIn,
    }));
  });
  /** Problems of the last profile file that failed to import, for Settings to list. */
  readonly profileProblems = signal<readonly string[]>([]);
  readonly theme = signal<Theme>('light');
  readonly connection = signal<Connection>('connecting');
  readonly notice = signal<Notice | undefined>(undefined);
  readonly view = signal<'list' | 'settings'>('list');
  /** Name of the imported HAR file being shown, if any (live capture goes on meanwhile). */
  readonly source = signal<string | undefined>(undefined);
  readonly transfer = signal<TransferState | undefined>(undefined);
  /** The live session's counts, kept current while an imported file is shown ("Back to live"). */
  readonly liveCounts = signal({ failures: 0, successes: 0 });
  /** The findings strip: undefined follows the width (collapsed when narrow), else the user's choice. */
  readonly findingsExpanded = signal<boolean | undefined>(undefined);
  readonly timelineOpen = signal(false);
  /** Bumped to ask the filter box to take focus (Ctrl+F, DevTools' find bar). */
  readonly filterFocusRequest = signal(0);

  readonly #platform: Platform;
  readonly #afterPaint: AfterPaint;
  /** The core chunk once loaded (a signal: the profile computeds re-run when it arrives). */
  readonly #core = signal<PanelCore | undefined>(undefined);
  readonly #coreLoading: Promise<PanelCore>;
  /**
   * The live session, from `start()` on (the engine's code loads after the first paint); an
   * imported file gets an engine of its own, so capture never pauses.
   */
  #live: TriageEngine | undefined;
  #imported: TriageEngine | undefined;
  /** The filter text before DevTools' find bar took over, restored on cancelSearch. */
  #textBeforeSearch: string | undefined;
  /**
   * Capture is fed to the live engine in slices bounded by entries and body characters (issue 11:
   * no task over 100 ms). Held until the live engine exists: what arrives before waits in order.
   */
  readonly #intake = new CaptureIntake(
    {
      entries: (entries) => this.#feed(entries),
      navigated: () => this.navigated(),
      publish: () => this.#publishLive(),
    },
    { held: true },
  );
  #changes = noChanges();
  #beforePanel = NOTHING_BEFORE_PANEL;
  #cleanups: (() => void)[] = [];
  #connection: CaptureConnection | undefined;
  #transferClient: HarTransferClient | undefined;
  #running: Transfer | undefined;
  /** The imported file itself: "Export sanitized HAR" streams all of it, not only what was kept. */
  #importedFile: Blob | undefined;

  constructor(platform: Platform, options: PanelStoreOptions = {}) {
    this.#platform = platform;
    this.#afterPaint = options.afterPaint ?? afterNextPaint;
    // Loading starts now, while the shell renders; `start()` waits for it.
    this.#coreLoading = loadPanelCore().then((core) => (this.#core.value = core));
  }

  /** The engine whose session is shown: the imported file's, else the live one (once started). */
  get #engine(): TriageEngine | undefined {
    return this.#imported ?? this.#live;
  }

  get platform(): Platform {
    return this.#platform;
  }

  /**
   * Follow the theme, load settings and the core chunk (in parallel), start the live engine, then
   * join the capture stream. The devtools page buffers capture until the panel joins, so joining
   * once the engine is there loses nothing.
   */
  async start(): Promise<void> {
    this.theme.value = this.#platform.theme();
    this.#cleanups.push(this.#platform.onThemeChanged((theme) => (this.theme.value = theme)));
    this.#cleanups.push(this.#platform.onSearch((event) => this.search(event)));
    // Storage is read while the chunk loads; its answers (or errors) are awaited after.
    const managed = readEarly(() => this.#platform.readManagedSettings());
    const stored = readEarly(() => this.#platform.readSettings());
    const core = await this.#coreLoading;
    await this.#loadSettings(core, managed, stored);
    this.#live = new core.TriageEngine({
      classify: this.#classifyOptions(),
      retention: retentionOf(this.settings.value),
      // Date.now: a captured request without a start time arrived when the browser reported it.
      now: Date.now,
    });
    this.#intake.release();
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

  async #loadSettings(core: PanelCore, managed: Promise<unknown>, stored: Promise<unknown>): Promise<void> {
    try {
      const parsed = core.parseManagedSettings(await managed);
      this.managedHostMap.value = parsed.hostMap;
      this.managedProfiles.value = parsed.profiles;
    } catch {
      // No managed storage in this browser: no organisation presets.
    }
    try {
      const managedIds = this.managedProfiles.value.map((doc) => doc.id);
      this.settings.value = core.parseSettings(await stored, managedIds);
    } catch (error) {
      this.reportError(`Settings could not be read, defaults are in use (${String(error)}).`);
    }
  }

  /** The host mappings and profiles in force; the profiles array is reused until they change. */
  #classifyOptions(): ClassifyOptions {
    return { hostMap: this.hostMap.value, profiles: this.profiles.value };
  }

  /**
   * One batch from the devtools page, in capture order. Live traffic always reaches the live
   * engine, also while an imported file is shown. It is fed in slices after any batch still
   * waiting; the promise resolves once it is in the views (a small batch after a quiet spell
   * already is when this returns).
   */
  receive(received: CaptureBatch): Promise<void> {
    if (received.initial) this.connection.value = 'live';
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
    if (!this.settings.value.preserveLog) this.#clearLive();
  }

  /**
   * Clear what is shown: the live session, or an imported file (which closes it and shows the live
   * session again, untouched).
   */
  clear(): void {
    if (this.#imported !== undefined) this.backToLive();
    else {
      // What capture delivered before Clear and is not fed yet belongs to the session cleared.
      this.#intake.cancel();
      this.#clearLive();
    }
  }

  #clearLive(): void {
    batch(() => {
      this.#live?.clear();
      this.#changes = noChanges();
      this.#beforePanel = NOTHING_BEFORE_PANEL;
      this.liveCounts.value = { failures: 0, successes: 0 };
      this.#dropImportNotice();
      if (this.#imported === undefined) this.#publishAll();
    });
  }

  /** Leave an imported file for the live session, which went on being captured meanwhile. */
  backToLive(): void {
    // An import still reading stops: the file it fills is no longer shown.
    if (this.transfer.value?.kind === 'import') this.cancelTransfer();
    this.#importedFile = undefined;
    batch(() => {
      this.#imported = undefined;
      this.source.value = undefined;
      this.#dropImportNotice();
      this.#publishAll();
    });
  }

  #dropImportNotice(): void {
    if (this.notice.value?.about === 'import') this.notice.value = undefined;
  }

  /** Every signal from the shown engine, selection and focus reset (the session changed). */
  #publishAll(): void {
    const engine = this.#engine;
    if (engine === undefined) return; // not started: nothing to show yet
    batch(() => {
      this.failures.value = engine.failures();
      const { failures, successes } = engine.counts();
      this.counts.value = { failures, successes };
      this.findings.value = engine.findings();
      this.rateLimits.value = engine.rateLimits();
      this.selectedId.value = undefined;
      this.detailOpen.value = false;
      this.focus.value = undefined;
      this.#publishDropped();
    });
  }

  #transfers(): HarTransferClient {
    return (this.#transferClient ??= new HarTransferClient(this.#platform.harWorker()));
  }

  #progress(state: TransferState): (progress: TransferProgress) => void {
    let last = 0;
    return (progress) => {
      const now = Date.now();
      // Redrawn ten times a second at most: a 700 MB file reports a thousand chunks.
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      this.transfer.value = { ...state, progress };
    };
  }

  /** Stop the running import (what was read stays) or export (nothing is saved). */
  cancelTransfer(): void {
    this.#running?.cancel();
  }

  /**
   * A file the user imported, read in the HAR worker (File.stream(), gzip undone there) and fed
   * to the engine batch by batch in slices (see ImportFeed), so the panel stays responsive
   * whatever the size. The session is replaced only once the file yields its first item: a file
   * that is not a HAR leaves what was captured as it was, and says why.
   */
  async importFile(file: File): Promise<void> {
    if (this.transfer.value !== undefined) {
      this.reportError(
        `Wait for the ${this.transfer.value.kind} of ${this.transfer.value.name} to finish, or cancel it.`,
      );
      return;
    }
    const name = file.name;
    const state: TransferState = { kind: 'import', name };
    this.transfer.value = state;
    this.notice.value = { kind: 'info', text: `Importing ${name}…`, about: 'import' };
    const counts = { started: false, items: 0, skipped: 0, removed: 0 };
    const core = this.#core.value ?? (await this.#coreLoading);
    // The file gets an engine of its own: live capture goes on meanwhile ("Back to live").
    const engine = new core.TriageEngine({
      classify: this.#classifyOptions(),
      retention: retentionOf(this.settings.value),
    });
    const feed = new ImportFeed(
      engine,
      (update) => this.#apply(update, engine),
      () => this.#publishDropped(),
    );
    const job = this.#transfers().importFile(
      file,
      async (items) => {
        if (!counts.started) {
          counts.started = true;
          batch(() => {
            this.#imported = engine;
            this.#importedFile = file;
            this.source.value = name;
            this.#publishAll();
          });
        }
        for (const item of items) {
          if (item.problem !== undefined) counts.skipped++;
          counts.removed += item.removed?.length ?? 0;
        }
        counts.items += items.length;
        await feed.add(items);
      },
      this.#progress(state),
    );
    this.#running = job;
    const outcome = await job.outcome;
    this.#running = undefined;
    // The user went back to live (or imported again) meanwhile: this file is no longer shown.
    const shown = !counts.started || this.#imported === engine;
    if (shown) feed.publish();
    batch(() => {
      this.transfer.value = undefined;
      if (shown) this.notice.value = importOutcome(outcome, name, counts, this.dropped.value);
    });
  }

  /** Hand live entries to the live engine; the views follow at the next `#publishLive`. */
  #feed(entries: readonly unknown[]): void {
    // The intake is held until the live engine exists, so it is there whenever entries come.
    if (entries.length === 0 || this.#live === undefined) return;
    this.#note(this.#live.add(entries));
  }

  #note(update: EngineUpdate): void {
    const changes = this.#changes;
    if (update.failuresReplaced || update.evictedFailures.length > 0) changes.failures = true;
    else if (!changes.failures) changes.failures = update.added.some((r) => r.diagnosis !== undefined);
    if (update.findingsChanged) changes.findings = true;
    if (update.rateLimitsChanged) changes.rateLimits = true;
    for (const index of update.evictedFailures) changes.evicted.add(index);
  }

  /** What the live engine changed since the last call, as signals: one update of the views. */
  #publishLive(): void {
    const live = this.#live;
    if (live === undefined) return;
    const changes = this.#changes;
    this.#changes = noChanges();
    batch(() => {
      const { failures, successes } = live.counts();
      const shown = this.liveCounts.value;
      if (shown.failures !== failures || shown.successes !== successes)
        this.liveCounts.value = { failures, successes };
      // An imported file is shown: the live session's views are rebuilt on "Back to live".
      if (this.#imported !== undefined) return;
      if (changes.failures) this.failures.value = live.failures();
      const counts = this.counts.value;
      if (counts.failures !== failures || counts.successes !== successes)
        this.counts.value = { failures, successes };
      if (changes.findings) this.findings.value = live.findings();
      if (changes.rateLimits) this.rateLimits.value = live.rateLimits();
      const selected = this.selectedId.value;
      if (selected !== undefined && changes.evicted.has(selected)) {
        this.selectedId.value = undefined;
        this.detailOpen.value = false;
      }
      this.#publishDropped();
    });
  }

  #apply(update: EngineUpdate, from: TriageEngine): void {
    if (from === this.#live) {
      const { failures, successes } = from.counts();
      this.liveCounts.value = { failures, successes };
    }
    if (from !== this.#engine) return;
    batch(() => {
      const failed = update.added.some((r) => r.diagnosis !== undefined);
      if (failed || update.evictedFailures.length > 0 || update.failuresReplaced)
        this.failures.value = from.failures();
      const { failures, successes } = from.counts();
      this.counts.value = { failures, successes };
      if (update.findingsChanged) this.findings.value = from.findings();
      if (update.rateLimitsChanged) this.rateLimits.value = from.rateLimits();
      const selected = this.selectedId.value;
      if (selected !== undefined && update.evictedFailures.includes(selected)) {
        this.selectedId.value = undefined;
        this.detailOpen.value = false;
      }
    });
  }

  #publishDropped(): void {
    const engine = this.#engine;
    if (engine === undefined) return;
    const counts = engine.dropped();
    const before = this.#imported === undefined ? this.#beforePanel : NOTHING_BEFORE_PANEL;
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
    // Once loaded, settings apply within this call, as before the engine moved to its own chunk.
    const core = this.#core.value ?? (await this.#coreLoading);
    const before = this.settings.value;
    const next = core.parseSettings(
      { ...before, ...change },
      this.managedProfiles.value.map((doc) => doc.id),
    );
    batch(() => {
      this.settings.value = next;
      const changed = (key: 'hostMap' | 'profiles'): boolean =>
        JSON.stringify(before[key]) !== JSON.stringify(next[key]);
      if (changed('hostMap') || changed('profiles')) this.reclassify();
      if (this.#imported !== undefined)
        this.#apply(this.#imported.setRetention(retentionOf(next)), this.#imported);
      if (this.#live !== undefined) this.#note(this.#live.setRetention(retentionOf(next)));
      this.#publishLive();
      this.#publishDropped();
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
    if (this.#imported !== undefined)
      this.#apply(this.#imported.configure(this.#classifyOptions()), this.#imported);
    if (this.#live !== undefined) this.#note(this.#live.configure(this.#classifyOptions()));
    this.#publishLive();
  }

  /**
   * A profile file the user picked in Settings: checked, then stored (replacing a profile of the
   * same id) and applied at once; a broken file leaves the stored profiles as they were and says why.
   */
  async importProfile(fileName: string, text: string): Promise<void> {
    const core = this.#core.value ?? (await this.#coreLoading);
    const loaded = core.loadProfileText(text);
    if (!loaded.ok) {
      this.profileProblems.value = loaded.problems.length > 0 ? loaded.problems : [loaded.error];
      this.reportError(`${fileName}: ${loaded.error}`);
      return;
    }
    const document = loaded.profile.document;
    this.profileProblems.value = [];
    const others = this.settings.value.profiles.filter((doc) => doc.id !== document.id);
    await this.updateSettings({ profiles: [...others, document] });
    this.notice.value = {
      kind: 'info',
      text: `Profile "${document.name}" (${document.id}) added from ${fileName}.`,
    };
  }

  /** Forget an imported profile; host mappings to it stop applying until it is imported again. */
  async removeProfile(id: string): Promise<void> {
    await this.updateSettings({ profiles: this.settings.value.profiles.filter((doc) => doc.id !== id) });
  }

  /**
   * The user's input first (issue 11: "selecting a failure renders its diagnosis and ticket within
   * 100 ms"): capture's slices and view updates wait until the frame showing the selection is
   * painted, instead of queueing ahead of it.
   */
  #userFirst(): void {
    this.#afterPaint(this.#intake.pause());
  }

  select(id: number | undefined, open = true): void {
    if (id !== undefined) this.#userFirst();
    batch(() => {
      this.selectedId.value = id;
      this.detailOpen.value = open && id !== undefined;
    });
  }

  /**
   * Move the selection up or down the visible list (keyboard), keeping the detail state; `wrap`
   * goes round from the last to the first (a find bar's next match).
   */
  moveSelection(delta: number, wrap = false): void {
    const rows = this.visibleRows.value;
    if (rows.length === 0) return;
    const at = rows.findIndex((row) => row.id === this.selectedId.value);
    const to = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : at + delta;
    const next = wrap ? (to + rows.length) % rows.length : Math.min(rows.length - 1, Math.max(0, to));
    this.#userFirst();
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

  /** Ctrl+F / Cmd+F: the filter box takes focus (on the list view, where it lives). */
  focusFilter(): void {
    batch(() => {
      this.view.value = 'list';
      this.filterFocusRequest.value += 1;
    });
  }

  /**
   * DevTools' find bar over the panel (Chromium): what is typed there filters the list like the
   * filter box (and shows in it), Enter / Shift+Enter step through the matches, and closing the
   * bar puts the filter text back as it was.
   */
  search(event: SearchEvent): void {
    batch(() => {
      if (event.action === 'performSearch') {
        this.#textBeforeSearch ??= this.filter.value.text;
        this.view.value = 'list';
        this.setFilter({ ...this.filter.value, text: event.query ?? '' });
      } else if (event.action === 'cancelSearch') {
        if (this.#textBeforeSearch !== undefined)
          this.setFilter({ ...this.filter.value, text: this.#textBeforeSearch });
        this.#textBeforeSearch = undefined;
      } else {
        this.moveSelection(event.action === 'nextSearchResult' ? 1 : -1, true);
      }
    });
  }

  setGrouped(grouped: boolean): void {
    this.grouped.value = grouped;
  }

  /** One kept record of the shown session by its index. */
  record(index: number): EngineRecord | undefined {
    return this.#engine?.get(index);
  }

  /** Every kept record, in arrival order (for the export and tests). */
  records(): EngineRecord[] {
    return this.#engine?.records() ?? [];
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

  /**
   * Download a sanitized HAR, written in the HAR worker as Blob parts. For an imported file it is
   * the whole file, every entry, streamed through the sanitizer (a support engineer shares the
   * customer's file, not the part the retention limits kept on screen); for a live session, the
   * requests kept, in start order.
   */
  async exportSanitizedHar(): Promise<void> {
    if (this.transfer.value !== undefined) {
      this.reportError(
        `Wait for the ${this.transfer.value.kind} of ${this.transfer.value.name} to finish, or cancel it.`,
      );
      return;
    }
    const file = this.source.value !== undefined ? this.#importedFile : undefined;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const name =
      file !== undefined
        ? `${(this.source.value ?? 'import').replace(/(\.har)?(\.gz)?$/i, '')}.sanitized.har`
        : `api-errors-${stamp}.sanitized.har`;
    const state: TransferState = { kind: 'export', name };
    this.transfer.value = state;
    let job: Transfer;
    if (file !== undefined) job = this.#transfers().exportFile(file, this.#progress(state));
    else {
      const har = this.har();
      const { entries, ...log } = har.log;
      job = this.#transfers().exportEntries(
        { ...har, log: { ...log, entries: [] } },
        entries,
        this.#progress(state),
      );
    }
    this.#running = job;
    const outcome = await job.outcome;
    this.#running = undefined;
    batch(() => {
      this.transfer.value = undefined;
      if (outcome.status === 'done' && outcome.blob !== undefined) {
        this.#platform.downloadBlob(name, outcome.blob);
        const what =
          file !== undefined
            ? `every entry of ${this.source.value ?? 'the imported file'} (${outcome.items})`
            : `the ${outcome.items} requests kept in this session`;
        this.notice.value = {
          kind: 'info',
          text: `Saved ${name}: ${what}, with secrets and personal data replaced.`,
        };
      } else if (outcome.status === 'cancelled')
        this.notice.value = { kind: 'info', text: 'Export cancelled: nothing was saved.' };
      else
        this.reportError(
          `The export failed (${outcome.status === 'error' ? outcome.message : 'no file'}); nothing was saved, and what was captured is unchanged.`,
        );
    });
  }

  /** A short confirmation (a copy from the context menu), in the notice line. */
  say(text: string): void {
    this.notice.value = { kind: 'info', text };
  }

  reportError(text: string): void {
    this.notice.value = { kind: 'error', text };
  }

  dismissNotice(): void {
    this.notice.value = undefined;
  }
}

/** How often an import publishes what it has so far (the list, counts, findings). */
const IMPORT_PUBLISH_MS = 300;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const itemChars = (item: HarItem): number => entryBodyChars(item.value as HarEntry | undefined);

/**
 * Feeds an import's items to the engine in slices bounded like live capture's (SLICE_ENTRIES
 * entries or SLICE_CHARS characters of body, at least one item), yielding between them, and
 * publishes the merged changes every IMPORT_PUBLISH_MS rather than per item: re-reading thousands
 * of kept failures for every batch would cost more than the engine's work.
 */
class ImportFeed {
  readonly #engine: TriageEngine;
  readonly #apply: (update: EngineUpdate) => void;
  readonly #publishDropped: () => void;
  #pending: EngineUpdate | undefined;
  #published = 0;

  constructor(engine: TriageEngine, apply: (update: EngineUpdate) => void, publishDropped: () => void) {
    this.#engine = engine;
    this.#apply = apply;
    this.#publishDropped = publishDropped;
  }

  async add(items: readonly HarItem[]): Promise<void> {
    let next = 0;
    while (next < items.length) {
      let chars = 0;
      const end = Math.min(items.length, next + SLICE_ENTRIES);
      while (next < end && chars < SLICE_CHARS) {
        const item = items[next++] as HarItem;
        chars += itemChars(item);
        this.#merge(this.#engine.add([item.value]));
      }
      if (Date.now() - this.#published >= IMPORT_PUBLISH_MS) this.publish();
      await nextTask();
    }
  }

  publish(): void {
    this.#published = Date.now();
    const update = this.#pending;
    this.#pending = undefined;
    if (update !== undefined) this.#apply(update);
    this.#publishDropped();
  }

  /** One update standing for many: failures re-read once, evictions and flags accumulated. */
  #merge(update: EngineUpdate): void {
    const failed = update.added.some((record) => record.diagnosis !== undefined);
    const before = this.#pending;
    this.#pending = {
      added: [],
      evictedFailures:
        before === undefined
          ? update.evictedFailures
          : [...before.evictedFailures, ...update.evictedFailures],
      evictedSuccesses: (before?.evictedSuccesses ?? 0) + update.evictedSuccesses,
      findingsChanged: (before?.findingsChanged ?? false) || update.findingsChanged,
      rateLimitsChanged: (before?.rateLimitsChanged ?? false) || update.rateLimitsChanged,
      failuresReplaced:
        (before?.failuresReplaced ?? false) ||
        failed ||
        update.evictedFailures.length > 0 ||
        update.failuresReplaced,
    };
  }
}

/** What an import ended with, as the notice says it: counts, what was skipped or hidden, and why it stopped. */
function importOutcome(
  outcome: TransferOutcome,
  name: string,
  counts: { started: boolean; items: number; skipped: number; removed: number },
  dropped: Dropped,
): Notice | undefined {
  if (!counts.started) {
    if (outcome.status === 'cancelled') return undefined;
    if (outcome.status === 'error')
      return {
        about: 'import',
        kind: 'error',
        text: `${name}: ${outcome.message}. Export one from the Network panel with "Save all as HAR". What was captured is unchanged.`,
      };
  }
  const summary = importNotice(counts, name, dropped);
  if (outcome.status === 'cancelled')
    return {
      about: 'import',
      kind: 'info',
      text: `Import cancelled: showing the first ${counts.items} entries of ${name}.`,
    };
  if (outcome.status === 'error')
    return {
      about: 'import',
      kind: 'error',
      text: `${name}: ${outcome.message}. Showing the ${counts.items} entries read before.`,
    };
  return { about: 'import', kind: 'info', text: summary };
}

/** Say when the retention limits hid part of an imported file, and how to see all of it. */
function importNotice(
  counts: { items: number; skipped: number; removed: number },
  name: string,
  dropped: Dropped,
): string {
  const total = counts.items;
  const skipped = counts.skipped;
  const removed =
    counts.removed === 0
      ? ''
      : ` ${counts.removed} ${counts.removed === 1 ? 'value was' : 'values were'} too large to hold and replaced by a placeholder saying so.`;
  const broken =
    (skipped === 0
      ? ''
      : ` ${skipped} ${skipped === 1 ? 'item was' : 'items were'} not HAR entries and skipped.`) + removed;
  if (dropped.failures === 0) return `Imported ${total} entries from ${name}.${broken}`;
  return (
    `Imported ${name}: ${dropped.failures} of its oldest failures are not shown (the retention ` +
    `limit). Raise "Keep at most … failures" in Settings and import it again to see them all.${broken}`
  );
}
