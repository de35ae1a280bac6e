import { isWordCode, type Accept, type Span } from './text-pattern.ts';

function decodesToUserPass(base64: string): boolean {
  try {
    return atob(base64).includes(':');
  } catch {
    return false;
  }
}

/**
 * `Bearer <token>` / `Basic <base64>`: keep the scheme word (it tells support which kind of
 * credential was sent) and redact what follows. A "Basic" match only counts when the base64
 * decodes to `user:password` (RFC 7617 §2), so prose like "Basic information" survives.
 */
export function acceptAuthScheme(kind: Span['kind']): Accept {
  return (text, start, end) => {
    if (isWordCode(text.charCodeAt(start - 1))) return undefined;
    let from = start + 5; // "basic".length; "bearer" continues below
    while (from < end && text.charCodeAt(from) > 32) from++;
    while (from < end && text.charCodeAt(from) <= 32) from++;
    if (from >= end) return undefined;
    if (isWordCode(text.charCodeAt(end))) return undefined;
    if (kind === 'credential' && !decodesToUserPass(text.slice(from, end))) return undefined;
    return { start: from, end, kind };
  };
}
