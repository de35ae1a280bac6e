import type { Header } from '../exchange.ts';

// draft-ietf-httpapi-idempotency-key-header names the field Idempotency-Key; the X- spelling
// predates it and is still sent by some SDKs.
const NAMES = ['idempotency-key', 'x-idempotency-key'];

/**
 * The idempotency key a request carried (header name as sent, and value), or undefined. `extra`
 * names a provider's own header for it, when its profile documents one.
 */
export function idempotencyKeyOf(
  headers: readonly Header[],
  extra?: string,
): { header: string; value: string } | undefined {
  const names = extra === undefined ? NAMES : [...NAMES, extra.toLowerCase()];
  for (const header of headers)
    if (names.includes(header.name.toLowerCase()) && header.value.trim() !== '')
      return { header: header.name, value: header.value.trim() };
  return undefined;
}
