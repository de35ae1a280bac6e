const MAX_PATH_CHARS = 70;

/**
 * The path column of the terminal table: no query string (it is where API keys and emails hide in
 * URLs, and it makes rows too wide) and no host (the provider column says whose API it is).
 */
export function displayPath(url: unknown): string {
  if (typeof url !== 'string' || url === '') return '-';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Some tools write relative URLs into HAR files: keep what precedes the query.
    path = url.split(/[?#]/, 1)[0] ?? '';
  }
  if (path === '') return '/';
  return path.length <= MAX_PATH_CHARS ? path : `${path.slice(0, MAX_PATH_CHARS - 1)}…`;
}
