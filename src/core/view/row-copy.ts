import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { RedactionSession, redactBodyText } from '../redact/index.ts';
import { buildTicket, judgeExchange, redactedCurl, redactedUrl } from '../ticket/index.ts';

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

/** A session that has seen the whole exchange: a token sent in a header is replaced in the URL too. */
function judged(exchange: Exchange): RedactionSession {
  const session = new RedactionSession();
  judgeExchange(exchange, session);
  return session;
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
      return redactedUrl(exchange.url, judged(exchange));
    case 'response':
      if (!canCopy('response', exchange)) return '';
      return redactBodyText(exchange.responseBody ?? '', exchange.mimeType, judged(exchange));
  }
}
