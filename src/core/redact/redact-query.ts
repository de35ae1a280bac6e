import { fieldKind } from './field-kind.ts';
import { isPlaceholder } from './placeholder.ts';
import { redactText } from './redact-text.ts';
import type { RedactionSession } from './redaction-session.ts';
import { safeDecode } from './safe-decode.ts';

/**
 * One named value (query parameter, form field, cookie, HAR name/value pair): a sensitive name
 * replaces the value whole; any other value passes the text detectors.
 */
export function redactNamedValue(name: string, value: string, session: RedactionSession): string {
  if (value === '' || isPlaceholder(value)) return value;
  const kind = fieldKind(name);
  return kind === undefined ? redactText(value, session) : session.placeholder(kind, value);
}

/**
 * `a=1&b=2` (a URL query, an `application/x-www-form-urlencoded` body, a `#fragment` of the
 * OAuth implicit flow): names kept, values decoded and redacted. A value that needed no change
 * keeps its original encoding, so an untouched query is byte-for-byte the same.
 */
export function redactQuery(query: string, session: RedactionSession): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return redactText(pair, session);
      const name = pair.slice(0, eq);
      const raw = pair.slice(eq + 1);
      const value = safeDecode(raw, true);
      const redacted = redactNamedValue(safeDecode(name, true), value, session);
      return `${redactText(name, session)}=${redacted === value ? raw : redacted}`;
    })
    .join('&');
}
