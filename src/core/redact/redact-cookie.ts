import { isPlaceholder } from './placeholder.ts';
import type { RedactionSession } from './redaction-session.ts';

/** `a=1; b=2` (Cookie, RFC 6265 §4.2): names kept, every value replaced. */
export function redactCookieHeader(value: string, session: RedactionSession): string {
  return value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair.trim() === '' ? pair : session.placeholder('cookie', pair.trim());
      const cookie = pair.slice(eq + 1).trim();
      if (cookie === '' || isPlaceholder(cookie)) return pair;
      return `${pair.slice(0, eq + 1)}${session.placeholder('cookie', cookie)}`;
    })
    .join(';');
}

/** `name=value; Path=/; HttpOnly` (Set-Cookie, RFC 6265 §4.1): the value goes, attributes stay. */
export function redactSetCookie(value: string, session: RedactionSession): string {
  const semi = value.indexOf(';');
  const first = semi === -1 ? value : value.slice(0, semi);
  return redactCookieHeader(first, session) + (semi === -1 ? '' : value.slice(semi));
}
