// The CRC-32 (IEEE 802.3, reflected 0xEDB88320) that every zip entry header carries
// (PKWARE APPNOTE.TXT 4.4.7). node:zlib has a crc32 only from Node 20.15/22.2, so keep our own.
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
