import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { registryFor } from '../profiles/index.ts';
import { redactPath } from '../redact/redact-path.ts';
import { redactText } from '../redact/redact-text.ts';
import type { RedactionSession } from '../redact/redaction-session.ts';
import { requestIdOf } from './request-id-of.ts';
import { supportIdentifierOf } from './support-identifier-of.ts';

/** One line of the ticket: a label and a value that is already redacted. */
export interface TicketField {
  label: string;
  value: string;
}

// RFC 3986 Appendix B: the path of a URL; host, query and fragment are not on the allowlist.
const URI = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?:\/\/([^/?#]*))?([^?#]*)/;

function utc(exchange: Exchange): string {
  return exchange.startedMs > 0 ? new Date(exchange.startedMs).toISOString() : exchange.startedAt;
}

function rateLimitLine(diagnosis: Diagnosis): string | undefined {
  const info = diagnosis.rateLimit;
  if (info === undefined) return undefined;
  const parts: string[] = [];
  if (info.remaining !== undefined)
    parts.push(`${info.remaining} remaining${info.limit === undefined ? '' : ` of ${info.limit}`}`);
  else if (info.limit !== undefined) parts.push(`limit ${info.limit}`);
  if (info.resetS !== undefined) parts.push(`resets in ${info.resetS} s`);
  if (info.policy !== undefined) parts.push(`policy ${info.policy}`);
  return parts.length === 0 ? undefined : `${parts.join(', ')} (${info.dialect} headers)`;
}

/**
 * ALLOWLIST FIRST: only the fields support asks for (DESIGN.md "Redaction and the ticket";
 * ranex.txt › "Talking to support" and "What to log"; error-envelope.txt › "Request Tracking"),
 * each free-text value passed through the detectors. Request bodies never appear.
 */
export function ticketFields(
  exchange: Exchange,
  diagnosis: Diagnosis,
  session: RedactionSession,
): TicketField[] {
  const fields: TicketField[] = [];
  const add = (label: string, value: string | number | undefined, redact = true): void => {
    if (value === undefined || value === '') return;
    fields.push({ label, value: redact ? redactText(String(value), session) : String(value) });
  };
  // A user profile's own fields are not at hand here; its name and doc travel in the Diagnosis.
  const profile = registryFor(undefined).byId(diagnosis.provider);
  const [, , path = ''] = URI.exec(exchange.url) ?? [];
  add('Provider', `${diagnosis.providerName} (${diagnosis.provider})`, false);
  fields.push({ label: 'Request', value: `${exchange.method} ${redactPath(path || '/', session)}` });
  add('Time (UTC)', utc(exchange), false);
  if (exchange.status === 0) add('Status', `no response (${exchange.networkError ?? 'network error'})`);
  else add('Status', `${exchange.status} ${exchange.statusText}`.trim());
  const error = diagnosis.error;
  add('Error code', error?.code);
  add('Error type', error?.type);
  add('Error title', error?.title);
  add('Parameter', error?.param);
  add('Message', error?.message?.replace(/\s+/g, ' ').trim());
  add('Request ID', requestIdOf(exchange, diagnosis)?.value);
  const limited = exchange.status === 429 || diagnosis.category === 'rate_limited';
  if (limited && diagnosis.retryAfterS !== undefined) add('Retry-After', `${diagnosis.retryAfterS} s`, false);
  if (limited) add('Rate limit', rateLimitLine(diagnosis), false);
  const identifier = supportIdentifierOf(exchange, profile?.supportIdentifiers ?? []);
  if (identifier !== undefined) add(identifier.name, identifier.value);
  add('Category', `${diagnosis.category} (${diagnosis.class} error; retry: ${diagnosis.retry})`, false);
  add('Recommended action', diagnosis.action);
  add('Documentation', diagnosis.doc.url ?? profile?.docUrl);
  return fields;
}
