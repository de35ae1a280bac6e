import type { Header } from './exchange.ts';

/** First value of a header, matched case-insensitively as HTTP requires (RFC 9110 §5.1). */
export function headerValue(headers: readonly Header[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === wanted) return header.value;
  return undefined;
}
