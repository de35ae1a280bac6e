import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code is fetched on first use; `load()` fetches it ahead (tests, hover). */
export type LazyComponent<P> = ComponentType<P> & { load(): Promise<ComponentType<P>> };

/**
 * Code the first paint does not need (Settings, the failure detail and its ticket, the retry
 * timeline) is split into chunks that load on first use, keeping the panel's first load within its
 * gzip budget (issue 13; `npm run bench:panel` prints both). Preact's own `lazy` lives in
 * preact/compat, which would cost more than it saves; this is the part of it the panel needs.
 * Until the chunk arrives the component renders `fallback` (a chunk from the extension's own
 * package arrives in a frame or two); a chunk that fails to load says so instead of staying blank.
 */
export function lazyView<P extends object>(
  importer: () => Promise<ComponentType<P>>,
  fallback: string,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let failed: string | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const load = (): Promise<ComponentType<P>> =>
    (pending ??= importer().then(
      (component) => (loaded = component),
      (error: unknown) => {
        failed = String(error);
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [, setVersion] = useState(0);
    useEffect(() => {
      if (loaded !== undefined) return undefined;
      let live = true;
      const settle = (): void => {
        if (live) setVersion((v) => v + 1);
      };
      load().then(settle, settle);
      return () => {
        live = false;
      };
    }, []);
    if (loaded !== undefined) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    return (
      <p class={failed === undefined ? 'muted lazy-loading' : 'error'} role="status">
        {failed === undefined ? fallback : `Could not load this view (${failed}). Reopen DevTools.`}
      </p>
    );
  }
  return Object.assign(Lazy, { load });
}

/** The failure's detail: diagnosis, the redacted ticket (ticket and redaction code), raw exchange. */
export const LazyFailureDetail = lazyView(
  () => import('./failure-detail.tsx').then((m) => m.FailureDetail),
  'Loading the detail…',
);
export const LazySettingsView = lazyView(
  () => import('./settings-view.tsx').then((m) => m.SettingsView),
  'Loading Settings…',
);
export const LazyRetryTimeline = lazyView(
  () => import('./retry-timeline-view.tsx').then((m) => m.RetryTimelineView),
  'Loading the timeline…',
);

/** The context menu's copy texts (ticket, cURL, redaction), fetched when the menu opens. */
// By its own path, not the folder's entry module: a dynamic import of the entry (which the first
// load imports statically) would not split anything off.
export const loadRowCopy = () => import('../../core/view/row-copy.ts');

/** Runs `task` once the event loop is idle (or after `timeoutMs` at the latest). */
export type IdleScheduler = (task: () => void, timeoutMs: number) => void;

const whenIdle: IdleScheduler = (task, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, timeoutMs);
};

/**
 * The failure detail's chunk (diagnosis, ticket, redaction) and the context menu's copy texts,
 * fetched once the panel is idle after it started: the first selection then renders at once
 * instead of waiting for the chunk to load and evaluate (bench:capture measured 298 ms median,
 * 577 ms max for the selections right after the panel showed, against 14 ms later). Settings and
 * the timeline stay lazy: they are not what a user opens first. A chunk that fails to load here
 * is reported when its view is opened, as if it had been fetched then.
 */
export function preloadDetailWhenIdle(idle: IdleScheduler = whenIdle, timeoutMs = 2_000): void {
  idle(() => {
    LazyFailureDetail.load().catch(() => undefined);
    loadRowCopy().catch(() => undefined);
  }, timeoutMs);
}

/** Everything lazy, fetched now: tests that assert synchronously after an interaction call this. */
export async function preloadViews(): Promise<void> {
  await Promise.all([
    LazyFailureDetail.load(),
    LazySettingsView.load(),
    LazyRetryTimeline.load(),
    loadRowCopy(),
  ]);
}
