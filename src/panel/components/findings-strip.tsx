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

/**
 * Patterns across requests. One summary line (how many, of which kinds) with a disclosure for the
 * findings themselves, folded by default when docked narrow (issue 13: six findings took ~210 px),
 * and the retry timeline's toggle. Clicking a finding selects the exchanges it concerns, in the
 * list and on the timeline.
 */
export function FindingsStrip({ store, narrow }: { store: PanelStore; narrow: boolean }) {
  const findings = store.findings.value;
  const hasFailures = store.hasFailures.value;
  if (findings.length === 0 && !hasFailures) return null;
  const focus = store.focus.value;
  const expanded = store.findingsExpanded.value ?? !narrow;
  const kinds = [...new Set(findings.map((f) => KIND_LABEL[f.kind]))];
  const timelineOpen = store.timelineOpen.value;
  return (
    <section class="findings" aria-label="Session findings" data-testid="findings">
      <div class="findings-head">
        {findings.length > 0 ? (
          <button
            type="button"
            class="findings-toggle"
            aria-expanded={expanded}
            aria-controls="findings-list"
            data-testid="findings-toggle"
            onClick={() => (store.findingsExpanded.value = !expanded)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
            <strong>
              {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
            </strong>
            <span class="findings-kinds">: {kinds.join(', ')}</span>
          </button>
        ) : (
          <span class="muted findings-none">No retry patterns found</span>
        )}
        <button
          type="button"
          class="timeline-toggle"
          aria-pressed={timelineOpen}
          data-testid="timeline-toggle"
          title="Each endpoint's attempts on a time line: gaps, server waits, where a circuit breaker would open"
          onClick={() => (store.timelineOpen.value = !timelineOpen)}
        >
          Timeline
        </button>
      </div>
      {focus && (
        <p class="focus" role="status" data-testid="finding-focus">
          Showing the failures of “{KIND_LABEL[focus.finding.kind]}” (exchanges{' '}
          {focus.finding.entries.map((i) => `#${i}`).join(', ')}).{' '}
          <button type="button" onClick={() => store.clearFocus()} data-testid="show-all">
            Show all failures
          </button>
        </p>
      )}
      {expanded && findings.length > 0 && (
        <ul id="findings-list">
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
      )}
    </section>
  );
}
