import type { Span } from './text-pattern.ts';

// RFC 5321 §4.5.3.1: local part at most 64 octets, domain at most 255.
const LOCAL_LIMIT = 64;
const DOMAIN_LIMIT = 255;

function isLocalCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 || // .
    code === 95 || // _
    code === 37 || // %
    code === 43 || // +
    code === 45 // -
  );
}

function isDomainCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 46 ||
    code === 45
  );
}

function emailAt(text: string, at: number, width: number): Span | undefined {
  let start = at;
  while (start > 0 && at - start < LOCAL_LIMIT && isLocalCode(text.charCodeAt(start - 1))) start--;
  while (start < at && text[start] === '.') start++;
  let end = at + width;
  while (end < text.length && end - at < DOMAIN_LIMIT && isDomainCode(text.charCodeAt(end))) end++;
  while (end > at + width && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  if (start === at) return undefined;
  const domain = text.slice(at + width, end);
  const dot = domain.lastIndexOf('.');
  // A domain with a dot and an alphabetic TLD of two or more letters (RFC 1034 §3.5 labels).
  if (dot <= 0 || !/^[A-Za-z]{2,63}$/.test(domain.slice(dot + 1)) || domain.includes('..')) return undefined;
  return { start, end, kind: 'email' };
}

/**
 * Email addresses, found by scanning outward from each `@` (or its percent-encoding `%40` in URLs)
 * instead of a regex: a `[chars]+@` regex backtracks quadratically over long runs without `@`,
 * and bodies here can be megabytes.
 */
export function findEmails(text: string, into: Span[]): void {
  for (const [marker, width] of [
    ['@', 1],
    ['%40', 3],
  ] as const) {
    let at = text.indexOf(marker);
    while (at !== -1) {
      const span = emailAt(text, at, width);
      if (span !== undefined) into.push(span);
      at = text.indexOf(marker, span === undefined ? at + width : span.end);
    }
  }
}
