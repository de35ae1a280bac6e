import type { ComponentChildren } from 'preact';
import type { PanelStore } from '../store/panel-store.ts';
import { activeCount, FilterBar } from './filter-bar.tsx';

/**
 * The panel's one toolbar row, Network-panel-like: Clear, the filter (with its chips and selects),
 * Preserve log, import/export, Settings, and the counts. Docked narrow the filters and the extra
 * controls fold behind one button so the row stays one row (issue 13).
 */
export function Toolbar({ store, importSlot }: { store: PanelStore; importSlot?: ComponentChildren }) {
  const inSettings = store.view.value === 'settings';
  const viewingImport = store.source.value !== undefined;
  return (
    <div class="toolbar" role="toolbar" aria-label="API Errors toolbar">
      <button
        type="button"
        onClick={() => store.clear()}
        title={
          viewingImport
            ? 'Close the imported file and return to the live session'
            : 'Clear the captured failures'
        }
        data-testid="clear"
      >
        Clear
      </button>
      <FilterBar
        filter={store.filter.value}
        onChange={(filter) => store.setFilter(filter)}
        facets={store.facets.value}
        grouped={store.grouped.value}
        onGroupedChange={(grouped) => store.setGrouped(grouped)}
        focusRequest={store.filterFocusRequest.value}
      >
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
          onClick={() => void store.exportSanitizedHar()}
          disabled={
            store.counts.value.failures + store.counts.value.successes === 0 ||
            store.transfer.value !== undefined
          }
          title={
            viewingImport
              ? `Download all of ${store.source.value}, every entry (not only those the retention limits keep on screen), with secrets and personal data replaced`
              : 'Download the requests kept in this session as a HAR file, with secrets and personal data replaced'
          }
          data-testid="export-har"
        >
          Export sanitized HAR
        </button>
      </FilterBar>
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

/** The counts, said once (issue 13: "35 failed of 75" next to "35 failures"). */
function Counts({ store }: { store: PanelStore }) {
  const { failures, successes } = store.counts.value;
  const dropped = store.dropped.value;
  const droppedFailures = dropped.failures;
  const droppedSuccesses = dropped.successes;
  const filtered = activeCount(store.filter.value) > 0 || store.focus.value !== undefined;
  const source = store.source.value;
  const live = store.liveCounts.value;
  return (
    <span class="counts" aria-live="polite">
      {filtered && <span data-testid="shown-count">{store.visibleRows.value.length} shown · </span>}
      <span data-testid="failure-count">{failures}</span> of {failures + successes}
      <span class="counts-long"> requests</span> failed
      {source !== undefined && (
        <>
          <span class="muted" data-testid="source">
            {' '}
            · in {source}
          </span>{' '}
          <button
            type="button"
            data-testid="back-to-live"
            title="The live session went on being captured while the file was shown"
            onClick={() => store.backToLive()}
          >
            Back to live ({live.failures} failed)
          </button>
        </>
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
