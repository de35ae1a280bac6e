import { effect, type ReadonlySignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AfterPaint } from '../store/panel-store.ts';

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

/**
 * The failure detail's chunk (diagnosis, ticket, redaction) and the context menu's copy texts,
 * fetched as soon as the first failure is listed, right after the frame that shows it: there is
 * then something to select, and the first selection renders at once instead of waiting for the
 * chunk to load and evaluate. Waiting for the panel to be idle (the previous way) could be too
 * late: while the start-up backlog is taken in the panel may not be idle before the idle
 * callback's 2 s timeout, and bench:capture selects a failure about half a second after the
 * start-up calls are listed. A panel with nothing listed does not fetch it at all (its first paint and
 * start-up are left alone). Settings and the timeline stay lazy: they are not what a user opens
 * first. A chunk that fails to load here is reported when its view is opened, as if it had been
 * fetched then. Returns a function that stops watching (for tests; the panel watches for life).
 */
export function preloadDetailOnFirstFailure(
  listed: ReadonlySignal<boolean>,
  afterPaint: AfterPaint,
): () => void {
  let started = false;
  // Once started the effect reads no signal, so nothing runs it again.
  return effect(() => {
    if (started || !listed.value) return;
    started = true;
    afterPaint(() => {
      LazyFailureDetail.load().catch(() => undefined);
      loadRowCopy().catch(() => undefined);
    });
  });
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
