import type { Header } from '../exchange.ts';

// draft-ietf-httpapi-idempotency-key-header names the field Idempotency-Key; the X- spelling
// predates it and is still sent by some SDKs.
const NAMES = ['idempotency-key', 'x-idempotency-key'];

/** The idempotency key a request carried (header name as sent, and value), or undefined. */
export function idempotencyKeyOf(headers: readonly Header[]): { header: string; value: string } | undefined {
  for (const header of headers)
    if (NAMES.includes(header.name.toLowerCase()) && header.value.trim() !== '')
      return { header: header.name, value: header.value.trim() };
  return undefined;
}
