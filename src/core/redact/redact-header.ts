import { fieldKind } from './field-kind.ts';
import { isPlaceholder } from './placeholder.ts';
import { redactCookieHeader, redactSetCookie } from './redact-cookie.ts';
import { redactText } from './redact-text.ts';
import { redactUrl } from './redact-url.ts';
import type { RedactionKind } from './redaction-kind.ts';
import type { RedactionSession } from './redaction-session.ts';

/** Headers whose value is a URL (RFC 9110 §10.1.3 Referer, §10.2.2 Location; HTTP/2 `:path`). */
const URL_HEADERS = new Set(['referer', 'location', 'content-location', 'origin', ':path']);

/** `Bearer xyz` keeps its scheme word (support needs to know which kind was sent), the rest goes. */
function redactCredentialValue(value: string, kind: RedactionKind, session: RedactionSession): string {
  const scheme = /^([A-Za-z][A-Za-z0-9-]*) +(?=\S)/.exec(value);
  if (scheme === null || value.length - scheme[0].length < 4) return session.placeholder(kind, value);
  const rest = value.slice(scheme[0].length);
  const restKind = /^bearer$/i.test(scheme[1] ?? '') ? 'token' : kind;
  return `${scheme[0]}${session.placeholder(restKind, rest)}`;
}

/**
 * One header value, by name: cookies keep their names, credentials their scheme, URL-valued
 * headers go through redactUrl, custom credential headers (X-Api-Key, X-Api-Secret, X-Auth-Token…)
 * are replaced whole, and anything else still passes the detectors.
 */
export function redactHeader(name: string, value: string, session: RedactionSession): string {
  if (value === '' || isPlaceholder(value)) return value;
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookieHeader(value, session);
  if (lower === 'set-cookie')
    return value
      .split('\n')
      .map((line) => redactSetCookie(line, session))
      .join('\n');
  if (URL_HEADERS.has(lower)) return redactUrl(value, session);
  const kind = fieldKind(lower);
  if (kind === 'credential' || kind === 'token') return redactCredentialValue(value, kind, session);
  if (kind !== undefined) return session.placeholder(kind, value);
  return redactText(value, session);
}
