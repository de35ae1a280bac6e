import { PLACEHOLDER_PATTERN } from '../redact/placeholder.ts';
import type { RedactionSession } from '../redact/redaction-session.ts';
import type { TicketSegment } from './ticket-draft.ts';

/** The text split at each placeholder the session issued, so the panel can highlight them. */
export function ticketSegments(text: string, session: RedactionSession): TicketSegment[] {
  const segments: TicketSegment[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const kind = session.kindOf(match[0]);
    if (kind === undefined) continue;
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ text: match[0], redactedKind: kind });
    from = match.index + match[0].length;
  }
  if (from < text.length || segments.length === 0) segments.push({ text: text.slice(from) });
  return segments;
}
