import { redactNamedValue } from './redact-query.ts';
import { redactText } from './redact-text.ts';
import type { RedactionSession } from './redaction-session.ts';

/**
 * `multipart/form-data` (RFC 7578): each part's body is redacted by the part's field name (from
 * Content-Disposition), headers included; the boundary structure is kept.
 */
export function redactMultipart(text: string, boundary: string, session: RedactionSession): string {
  const delimiter = `--${boundary}`;
  return text
    .split(delimiter)
    .map((part) => {
      const split = part.search(/\r?\n\r?\n/);
      if (split === -1) return redactText(part, session);
      const headers = part.slice(0, split);
      const gap = /^\r?\n\r?\n/.exec(part.slice(split))?.[0] ?? '';
      const body = part.slice(split + gap.length);
      const trailing = /\r?\n$/.exec(body)?.[0] ?? '';
      const content = body.slice(0, body.length - trailing.length);
      const name = /\bname="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const redacted = redactNamedValue(name, content, session);
      return `${redactText(headers, session)}${gap}${redacted}${trailing}`;
    })
    .join(delimiter);
}
