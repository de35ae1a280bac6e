import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { redactBodyText } from '../redact/redact-body-text.ts';
import { redactUrl } from '../redact/redact-url.ts';
import { RedactionSession } from '../redact/redaction-session.ts';
import { buildTicket } from '../ticket/build-ticket.ts';
import { redactedCurl } from '../ticket/redacted-curl.ts';

/**
 * What the failure list's context menu copies (issue 13), in the Network panel's order. Every text
 * comes from the core's ticket and redaction functions: nothing the menu copies is unredacted.
 */
export const ROW_COPY_ACTIONS = [
  { id: 'ticket', label: 'Copy ticket' },
  { id: 'markdown', label: 'Copy as Markdown' },
  { id: 'curl', label: 'Copy as cURL (redacted)' },
  { id: 'url', label: 'Copy URL (redacted)' },
  { id: 'response', label: 'Copy response (redacted)' },
] as const;
export type RowCopyAction = (typeof ROW_COPY_ACTIONS)[number]['id'];

/** Whether the action has anything to copy for this exchange (a menu item is disabled otherwise). */
export function canCopy(action: RowCopyAction, exchange: Exchange): boolean {
  if (action !== 'response') return true;
  return exchange.responseBodyBinary !== true && (exchange.responseBody ?? '') !== '';
}

/** The text one action copies, redacted. */
export function rowCopyText(action: RowCopyAction, exchange: Exchange, diagnosis: Diagnosis): string {
  switch (action) {
    case 'ticket':
      return buildTicket(exchange, diagnosis).text;
    case 'markdown':
      return buildTicket(exchange, diagnosis).markdown;
    case 'curl':
      return redactedCurl(exchange);
    case 'url':
      return redactUrl(exchange.url, new RedactionSession());
    case 'response':
      if (!canCopy('response', exchange)) return '';
      return redactBodyText(exchange.responseBody ?? '', exchange.mimeType, new RedactionSession());
  }
}
