import { redactJsonText } from './redact-json-text.ts';
import { redactMultipart } from './redact-multipart.ts';
import { redactQuery } from './redact-query.ts';
import { redactText } from './redact-text.ts';
import type { RedactionSession } from './redaction-session.ts';

/**
 * A request or response body by its type: JSON walked key-aware, form bodies and multipart by
 * field name, anything else (HTML, XML, plain text, a JSON that does not parse) as text.
 */
export function redactBodyText(text: string, mimeType: string, session: RedactionSession): string {
  const type = mimeType.toLowerCase();
  const start = text.trimStart()[0];
  if (type.includes('json') || start === '{' || start === '[') {
    const json = redactJsonText(text, session);
    if (json !== undefined) return json;
  }
  if (type.includes('x-www-form-urlencoded')) return redactQuery(text, session);
  const boundary = /multipart\/form-data.*;\s*boundary="?([^";]+)"?/i.exec(mimeType)?.[1];
  if (boundary !== undefined) return redactMultipart(text, boundary, session);
  return redactText(text, session);
}
