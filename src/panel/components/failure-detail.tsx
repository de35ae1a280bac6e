import { useMemo } from 'preact/hooks';
import type { PanelStore } from '../store/panel-store.ts';
import type { EngineRecord } from '../../core/engine/index.ts';
import { buildTicket } from '../../core/ticket/index.ts';
import { BodyText } from './body-text.tsx';
import { DiagnosisView } from './diagnosis-view.tsx';
import { HeadersTable } from './headers-table.tsx';
import { HostProfilePicker } from './host-profile-picker.tsx';
import { TicketPreview } from './ticket-preview.tsx';

/** The selected failure: diagnosis, ticket, then the raw request and response as text. */
export function FailureDetail({ store }: { store: PanelStore }) {
  const record = store.selected.value;
  // Built here, in the lazily loaded detail, so ticket and redaction code stay out of the first load.
  const ticket = useMemo(
    () => (record?.diagnosis ? buildTicket(record.exchange, record.diagnosis) : undefined),
    [record],
  );
  if (record === undefined) return null;
  const { exchange } = record;
  return (
    <section class="detail" aria-label="Failure detail" data-testid="detail">
      <header class="detail-head">
        <h2>
          <span class="status">{exchange.status === 0 ? '(failed)' : exchange.status}</span> {exchange.method}{' '}
          <span class="url">{exchange.url}</span>
        </h2>
        <button
          type="button"
          class="close"
          aria-label="Close detail (Escape)"
          onClick={() => {
            store.closeDetail();
            // The button disappears with the detail: hand focus back to the list it came from.
            document.querySelector<HTMLElement>('[data-testid="failure-list"]')?.focus();
          }}
        >
          ×
        </button>
      </header>
      {exchange.networkError !== undefined && (
        <p class="network-error" data-testid="network-error">
          No response: {exchange.networkError}
        </p>
      )}
      {record.diagnosis && <DiagnosisView diagnosis={record.diagnosis} />}
      <HostProfilePicker store={store} url={exchange.url} />
      {ticket && (
        <TicketPreview
          key={exchange.index}
          ticket={ticket}
          exchange={exchange}
          copy={(t) => store.platform.copyText(t)}
        />
      )}
      <Raw record={record} />
    </section>
  );
}

function Raw({ record }: { record: EngineRecord }) {
  const { exchange } = record;
  return (
    <>
      <details class="raw" open>
        <summary>Response</summary>
        <p>
          {exchange.status} {exchange.statusText} · {exchange.mimeType || 'no content type'} ·{' '}
          {Math.round(exchange.durationMs)} ms · {exchange.startedAt}
        </p>
        <HeadersTable headers={exchange.responseHeaders} label="Response headers" />
        <BodyText exchange={exchange} />
      </details>
      <details class="raw">
        <summary>Request</summary>
        <p class="url">
          {exchange.method} {exchange.url}
        </p>
        <HeadersTable headers={exchange.requestHeaders} label="Request headers" />
        {exchange.requestBody !== undefined && (
          <pre class="body" aria-label="Request body" tabIndex={0}>
            {exchange.requestBody}
          </pre>
        )}
      </details>
    </>
  );
}
