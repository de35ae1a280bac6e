import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { RedactionSession } from '../redact/redaction-session.ts';
import { renderTicketMarkdown, renderTicketText } from './render-ticket.ts';
import type { TicketDraft } from './ticket-draft.ts';
import { ticketFields } from './ticket-fields.ts';
import { ticketSegments } from './ticket-segments.ts';

/**
 * A support-ticket draft for one failed exchange: built from an allowlist of fields, every
 * free-text value redacted, with typed placeholders stable within this ticket and the list of
 * what was removed so the user sees it before copying (DESIGN.md "Redaction and the ticket").
 */
export function buildTicket(exchange: Exchange, diagnosis: Diagnosis): TicketDraft {
  const session = new RedactionSession();
  const fields = ticketFields(exchange, diagnosis, session);
  const removed = session.removed();
  const text = renderTicketText(fields, removed);
  return {
    text,
    markdown: renderTicketMarkdown(fields, removed),
    segments: ticketSegments(text, session),
    removed,
  };
}
