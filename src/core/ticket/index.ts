/**
 * Support tickets and redacted exports of one exchange: the public surface of src/core/ticket.
 * - ticket.ts — buildTicket (allowlisted fields, redacted, advice kept beside, Markdown on demand),
 *   ticketText (the plain text alone, for the CLI),
 *   and the rules it reads a request id and API version headers by.
 * - curl.ts — redactedCurl.
 */
export {
  buildTicket,
  FILL_IN,
  isApiVersionHeader,
  judgeExchange,
  requestIdOf,
  requestIdRank,
  supportIdentifierOf,
  ticketText,
  type RemovedItem,
  type TicketAdvice,
  type TicketDraft,
  type TicketField,
  type TicketSegment,
} from './ticket.ts';
export { redactedCurl, redactedUrl, shellQuote } from './curl.ts';
