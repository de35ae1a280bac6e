import type { FindingKind } from '../../core/finding.ts';
import type { PanelStore } from '../store/panel-store.ts';

const KIND_LABEL: Readonly<Record<FindingKind, string>> = {
  retry_before_wait: 'Retried too early',
  retry_without_backoff: 'No backoff',
  non_retryable_resent: 'Non-retryable re-sent',
  post_retry_without_idempotency_key: 'Retry without idempotency key',
  idempotency_key_reused: 'Key reused, new payload',
  circuit_breaker: 'Circuit breaker',
  rate_limit_headroom: 'Low rate-limit headroom',
};

/** Patterns across requests; clicking one selects the exchanges it concerns. */
export function FindingsStrip({ store }: { store: PanelStore }) {
  const findings = store.findings.value;
  if (findings.length === 0) return null;
  const focus = store.focus.value;
  return (
    <section class="findings" aria-label="Session findings">
      {focus && (
        <p class="focus" role="status" data-testid="finding-focus">
          Showing the failures of “{KIND_LABEL[focus.finding.kind]}” (exchanges{' '}
          {focus.finding.entries.map((i) => `#${i}`).join(', ')}).{' '}
          <button type="button" onClick={() => store.clearFocus()} data-testid="show-all">
            Show all failures
          </button>
        </p>
      )}
      <ul>
        {findings.map((finding, i) => (
          <li key={finding.id ?? `${finding.kind}-${i}`}>
            <button
              type="button"
              class="finding"
              data-testid="finding"
              data-kind={finding.kind}
              aria-pressed={focus?.finding === finding}
              title={finding.doc ? `${finding.doc.title} › ${finding.doc.section}` : undefined}
              onClick={() => store.selectFinding(finding)}
            >
              <strong>{KIND_LABEL[finding.kind]}</strong>
              <span class="finding-count">{finding.entries.length}×</span> {finding.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
