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

const CREDENTIAL_NAME_LENGTHS = new Set([...CREDENTIAL_HEADERS].map((name) => name.length));

/** A hash of the request's credential header values (order as sent); '' hashes when there are none. */
export function credentialFingerprint(headers: readonly Header[]): string {
  let joined = '';
  for (const header of headers) {
    // Cheap length test first: most headers of a real request are not credentials, and
    // lower-casing every name of every exchange showed up in the triage benchmark's profile.
    if (!CREDENTIAL_NAME_LENGTHS.has(header.name.length)) continue;
    const name = header.name.toLowerCase();
    if (CREDENTIAL_HEADERS.has(name)) joined += `${name}:${header.value}\n`;
  }
  return joined === '' ? '' : hashText(joined);
}
