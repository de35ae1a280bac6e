import type { Exchange } from '../../core/exchange.ts';
import { redactedCurl, type TicketDraft } from '../../core/ticket/index.ts';
import type { CopyResult } from '../../platform/platform.ts';
import { CopyButton } from './copy-button.tsx';
import { ExternalLink } from './external-link.tsx';

interface TicketPreviewProps {
  ticket: TicketDraft;
  exchange: Exchange;
  copy: (text: string) => Promise<CopyResult>;
}

/**
 * The redacted ticket exactly as it will be copied: the element's textContent is the ticket text,
 * placeholders are highlighted (their kind in the title) and never broken across lines, what was
 * removed is listed before the user copies anything, and the advice meant for the integrator is
 * shown beside the ticket, not in it (DESIGN.md "Redaction and the ticket").
 */
export function TicketPreview({ ticket, exchange, copy }: TicketPreviewProps) {
  return (
    <section class="ticket-preview" aria-labelledby="ticket-heading">
      <h3 id="ticket-heading">Support ticket (redacted)</h3>
      <div class="actions">
        <CopyButton
          label="Copy"
          title="Copy the ticket as plain text"
          testId="copy-ticket"
          text={() => ticket.text}
          copy={copy}
        />
        <CopyButton
          label="Copy as Markdown"
          testId="copy-markdown"
          text={() => ticket.markdown}
          copy={copy}
        />
        <CopyButton
          label="Copy as cURL"
          title="Copy the request as a redacted cURL command"
          testId="copy-curl"
          text={() => redactedCurl(exchange)}
          copy={copy}
        />
      </div>
      <pre class="ticket" data-testid="ticket" tabIndex={0} aria-label="Ticket text">
        {ticket.segments.map((segment, i) =>
          segment.redactedKind === undefined ? (
            segment.text
          ) : (
            <mark
              key={i}
              class="redacted"
              data-kind={segment.redactedKind}
              title={`removed: ${segment.redactedKind}`}
              style={{ whiteSpace: 'nowrap' }}
            >
              {segment.text}
            </mark>
          ),
        )}
      </pre>
      <RemovedList removed={ticket.removed} />
      <TicketAdviceList advice={ticket.advice} />
    </section>
  );
}

function TicketAdviceList({ advice }: { advice: TicketDraft['advice'] }) {
  if (advice.length === 0) return null;
  return (
    <aside class="ticket-advice" data-testid="ticket-advice" aria-labelledby="ticket-advice-heading">
      <h4 id="ticket-advice-heading">For you, not pasted in the ticket</h4>
      <dl>
        {advice.map((item) => (
          <div key={item.label}>
            <dt>{item.label}</dt>
            <dd>
              {item.href === undefined ? (
                item.text
              ) : (
                <ExternalLink href={item.href}>{item.text}</ExternalLink>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

function RemovedList({ removed }: { removed: TicketDraft['removed'] }) {
  if (removed.length === 0) return <p class="removed-none">Nothing needed removing from this ticket.</p>;
  return (
    <div class="removed">
      <h4>Removed before copying</h4>
      <ul data-testid="removed">
        {removed.map((item) => (
          <li key={item.placeholder}>
            <mark class="redacted" data-kind={item.kind}>
              {item.placeholder}
            </mark>{' '}
            {item.kind}
            {item.count > 1 ? ` (${item.count}×)` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
