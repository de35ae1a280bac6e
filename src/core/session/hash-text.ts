/**
 * A 53-bit non-cryptographic hash of a string (bryc's public-domain cyrb53), as base-36 text.
 *
 * The session analyzer keys its maps by hashes of method + URL + body instead of the texts
 * themselves, so the memory one key costs does not depend on the size of a request body, and no
 * body or key text is kept around. At 53 bits a collision needs ~10^8 distinct keys, far beyond the
 * few thousand keys the analyzer keeps.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
