import { redactPath, type RedactionSession } from '../core/redact/index.ts';

const MAX_PATH_CHARS = 70;

/**
 * The path column of the terminal table, redacted like the ticket's path (tables get pasted into
 * chats too): no query string (where API keys and emails sit in URLs), no host (the provider
 * column says whose API it is), and each segment through the detectors, one session for the whole
 * table so the same value gets the same placeholder on every row.
 */
export function displayPath(url: unknown, session: RedactionSession): string {
  if (typeof url !== 'string' || url === '') return '-';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Some tools write relative URLs into HAR files: keep what precedes the query.
    path = url.split(/[?#]/, 1)[0] ?? '';
  }
  if (path === '') return '/';
  const redacted = redactPath(path, session);
  return redacted.length <= MAX_PATH_CHARS ? redacted : `${redacted.slice(0, MAX_PATH_CHARS - 1)}…`;
}
