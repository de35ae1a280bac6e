import { useEffect } from 'preact/hooks';
import { EmptyState } from './components/empty-state.tsx';
import { FailureDetail } from './components/failure-detail.tsx';
import { FailureList } from './components/failure-list.tsx';
import { FilterBar } from './components/filter-bar.tsx';
import { HarDropZone, HarImportButton, HarTransferBar } from './components/har-import.tsx';
import { FindingsStrip } from './components/findings-strip.tsx';
import { NoticeBar } from './components/notice-bar.tsx';
import { RateLimitGauges } from './components/rate-limit-gauges.tsx';
import { SettingsView } from './components/settings-view.tsx';
import { Toolbar } from './components/toolbar.tsx';
import type { PanelStore } from './store/panel-store.ts';

/** The panel: toolbar, filters, findings and gauges above the failure list, the detail beside it. */
export function App({ store }: { store: PanelStore }) {
  const theme = store.theme.value;
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && store.detailOpen.value) {
      event.preventDefault();
      store.closeDetail();
    }
  };
  const onImport = (file: File): void => void store.importFile(file);
  const onImportError = (message: string): void => store.reportError(message);
  return (
    <HarDropZone onImport={onImport} onError={onImportError}>
      <div class="app" onKeyDown={onKeyDown}>
        <Toolbar store={store} importSlot={<HarImportButton onImport={onImport} onError={onImportError} />} />
        <HarTransferBar store={store} />
        <NoticeBar store={store} />
        {store.view.value === 'settings' ? <SettingsView store={store} /> : <Session store={store} />}
      </div>
    </HarDropZone>
  );
}

function Session({ store }: { store: PanelStore }) {
  const open = store.detailOpen.value && store.selected.value !== undefined;
  const rows = store.visibleRows.value;
  // A click on a failure line opens its detail; arrow keys only move the selection (Enter opens),
  // the way the Network panel's request list behaves. FailureList reports both as onSelect, so the
  // click is recognised here, after the list has selected the line.
  const onClick = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest('[data-testid="failure"]'))
      store.openDetail();
  };
  return (
    <>
      <FilterBar
        filter={store.filter.value}
        onChange={(filter) => store.setFilter(filter)}
        facets={store.facets.value}
        sort={store.sort.value}
        onSortChange={(sort) => store.setSort(sort)}
        grouped={store.grouped.value}
        onGroupedChange={(grouped) => store.setGrouped(grouped)}
        counts={{ shown: rows.length, total: store.rows.value.length }}
      />
      <FindingsStrip store={store} />
      <RateLimitGauges store={store} />
      <main class="split" data-detail={open ? 'open' : 'closed'}>
        <section class="list-pane" aria-label="Failures" onClick={onClick}>
          <FailureList
            rows={rows}
            grouped={store.grouped.value}
            selectedId={store.selectedId.value}
            onSelect={(id) => store.select(id, store.detailOpen.value)}
            onOpen={(id) => store.select(id, true)}
            onClose={() => store.closeDetail()}
            label="Failed API calls"
            empty={<EmptyState store={store} />}
          />
        </section>
        {open && <FailureDetail store={store} />}
      </main>
    </>
  );
}
