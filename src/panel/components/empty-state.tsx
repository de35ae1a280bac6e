import type { PanelStore } from '../store/panel-store.ts';

/** What the list area says when it has nothing to show, and what to do about it. */
export function EmptyState({ store }: { store: PanelStore }) {
  if (store.connection.value === 'connecting')
    return (
      <div class="empty" role="status" data-testid="empty">
        <p>Connecting to the network capture…</p>
        <p class="muted">If this message stays, close DevTools and open it again.</p>
      </div>
    );
  if (store.connection.value === 'unavailable')
    return (
      <div class="empty" role="status" data-testid="empty">
        <p>No network capture: this page is not running inside DevTools.</p>
        <p class="muted">
          Open DevTools (F12) on the page you are testing and pick the API Errors tab, or import a HAR file.
        </p>
      </div>
    );
  if (store.rows.value.length > 0)
    return (
      <div class="empty" role="status" data-testid="empty">
        <p>No failure matches the current filter.</p>
        <p class="muted">Clear the filter to see all {store.rows.value.length} failures.</p>
      </div>
    );
  return (
    <div class="empty" role="status" data-testid="empty">
      <p>No failed API calls yet. Use the page: each call that fails appears here as it happens.</p>
      <p class="muted">Failed means an HTTP 4xx or 5xx, no response at all, or GraphQL errors in a 200.</p>
      <p class="muted">
        Requests made before DevTools was opened are not captured: reload the page to see them, or import a
        HAR file.
      </p>
    </div>
  );
}
