import type { Exchange } from '../../core/exchange.ts';
import { redactedCurl, type TicketDraft } from '../../core/ticket/index.ts';
import type { CopyResult } from '../../platform/platform.ts';
import { CopyButton } from './copy-button.tsx';

interface TicketPreviewProps {
  ticket: TicketDraft;
  exchange: Exchange;
  copy: (text: string) => Promise<CopyResult>;
}

/**
 * The redacted ticket exactly as it will be copied: the element's textContent is the ticket text,
 * placeholders are highlighted (their kind in the title), and what was removed is listed before the
 * user copies anything.
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
            >
              {segment.text}
            </mark>
          ),
        )}
      </pre>
      <RemovedList removed={ticket.removed} />
    </section>
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
