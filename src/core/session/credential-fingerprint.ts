import type { Header } from '../exchange.ts';
import { hashText } from './hash-text.ts';

// Headers that carry who is calling. A 401/403 is usually fixed by changing one of these rather than
// the URL or body (Ranex: "Verify your credentials", ranex.txt › "Status codes", 401),
// so a re-send with new credentials must not count as "unchanged".
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'x-api-secret',
  'api-key',
  'x-auth-token',
]);

/** A hash of the request's credential header values (order as sent); '' hashes when there are none. */
export function credentialFingerprint(headers: readonly Header[]): string {
  const parts: string[] = [];
  for (const header of headers)
    if (CREDENTIAL_HEADERS.has(header.name.toLowerCase()))
      parts.push(`${header.name.toLowerCase()}:${header.value}`);
  return hashText(parts.join('\n'));
}
