import { redactPath } from './redact-path.ts';
import { redactQuery } from './redact-query.ts';
import { redactText } from './redact-text.ts';
import type { RedactionSession } from './redaction-session.ts';

// RFC 3986 Appendix B, the URI-reference regex: scheme, authority, path, query, fragment.
const URI = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

function redactAuthority(authority: string, session: RedactionSession): string {
  const at = authority.lastIndexOf('@');
  if (at === -1) return authority;
  return `${session.placeholder('credential', authority.slice(0, at))}${authority.slice(at)}`;
}

/**
 * A URL (absolute or a reference like `/v1/x?y=z`) with userinfo, sensitive path segments, query
 * values and fragment parameters replaced; scheme, host and structure are kept so the result
 * still reads (and parses) as the same endpoint.
 */
export function redactUrl(url: string, session: RedactionSession): string {
  const parts = URI.exec(url);
  if (parts === null) return redactText(url, session);
  const [, scheme, authority, path = '', query, fragment] = parts;
  let out = scheme === undefined ? '' : `${scheme}:`;
  if (authority !== undefined) out += `//${redactAuthority(authority, session)}`;
  out += redactPath(path, session);
  if (query !== undefined) out += `?${redactQuery(query, session)}`;
  if (fragment !== undefined)
    out += `#${fragment.includes('=') ? redactQuery(fragment, session) : redactText(fragment, session)}`;
  return out;
}
