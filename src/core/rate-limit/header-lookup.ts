import type { Header } from '../exchange.ts';

/** A case-insensitive first-value lookup over response headers. */
export type HeaderLookup = (lowerCaseName: string) => string | undefined;

/**
 * Index the headers once (first value per name, as `headerValue` does) so that reading a dozen
 * rate-limit names costs one pass instead of one per name; the session analyzer calls
 * readRateLimit on every exchange.
 */
export function headerLookup(headers: readonly Header[]): HeaderLookup {
  const index = new Map<string, string>();
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (!index.has(name)) index.set(name, header.value);
  }
  return (name) => index.get(name);
}
