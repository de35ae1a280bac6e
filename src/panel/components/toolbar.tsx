import type { ComponentChildren } from 'preact';
import type { PanelStore } from '../store/panel-store.ts';

/** The Network-panel-like strip: Clear, Preserve log, import/export, settings, and the counts. */
export function Toolbar({ store, importSlot }: { store: PanelStore; importSlot?: ComponentChildren }) {
  const inSettings = store.view.value === 'settings';
  return (
    <div class="toolbar" role="toolbar" aria-label="API Errors toolbar">
      <button
        type="button"
        onClick={() => store.clear()}
        title="Clear the captured failures"
        data-testid="clear"
      >
        Clear
      </button>
      <label class="toggle">
        <input
          type="checkbox"
          checked={store.settings.value.preserveLog}
          onChange={(e) => void store.updateSettings({ preserveLog: e.currentTarget.checked })}
          data-testid="preserve-log"
        />{' '}
        Preserve log
      </label>
      {importSlot}
      <button
        type="button"
        onClick={() => store.exportSanitizedHar()}
        disabled={store.counts.value.failures + store.counts.value.successes === 0}
        title="Download the captured requests as a HAR file with secrets and personal data replaced"
        data-testid="export-har"
      >
        Export sanitized HAR
      </button>
      <button
        type="button"
        aria-pressed={inSettings}
        onClick={() => (store.view.value = inSettings ? 'list' : 'settings')}
        data-testid="open-settings"
      >
        Settings
      </button>
      <Counts store={store} />
    </div>
  );
}

function Counts({ store }: { store: PanelStore }) {
  const { failures, successes } = store.counts.value;
  const dropped = store.dropped.value;
  const droppedFailures = dropped.failures;
  const droppedSuccesses = dropped.successes;
  return (
    <span class="counts" aria-live="polite">
      <span data-testid="failure-count">{failures}</span> failed of {failures + successes}
      {store.source.value !== undefined && (
        <span class="muted" data-testid="source">
          {' '}
          · from {store.source.value} (live capture paused, Clear to resume)
        </span>
      )}
      {droppedFailures + droppedSuccesses > 0 && (
        <span
          class="dropped"
          data-testid="dropped"
          title="Oldest requests dropped to stay within the retention limits (Settings): failures and successes are kept apart, so successes never push a failure out"
        >
          {' '}
          · dropped {droppedFailures} {droppedFailures === 1 ? 'failure' : 'failures'}, {droppedSuccesses}{' '}
          {droppedSuccesses === 1 ? 'success' : 'successes'}
        </span>
      )}
      {dropped.truncatedBodies > 0 && (
        <span class="dropped" data-testid="truncated-count">
          {' '}
          · {dropped.truncatedBodies} bodies truncated
        </span>
      )}
      {dropped.trimmedBodies > 0 && (
        <span
          class="dropped"
          data-testid="trimmed-count"
          title="Older failures whose body was cut to its first 2,048 characters (or dropped) to stay within the body memory budget (Settings); the failures are still listed"
        >
          {' '}
          · {dropped.trimmedBodies} older bodies trimmed
        </span>
      )}
    </span>
  );
}
