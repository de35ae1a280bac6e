import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';

/** The response `Date` header (RFC 9110 §6.6.1) in epoch milliseconds: the server's clock. */
export function responseDateMs(headers: readonly Header[]): number | undefined {
  const value = headerValue(headers, 'date');
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
