/**
 * What the first bytes of a file say it is, before any of it is read as JSON: a byte-order mark,
 * a compressed container, UTF-16 without a mark, or binary data. HAR 1.2 says UTF-8
 * (http://www.softwareishard.com/blog/har-12-spec/ "HAR file is required to be saved in UTF-8
 * encoding"); everything else gets a sentence saying what to do with it.
 */

/** How many leading bytes the sniffer wants before it decides (fewer only at the end of the file). */
export const SNIFF_BYTES = 8192;

/** A compression the hosts can undo while streaming (node:zlib, DecompressionStream). */
export type Compression = 'gzip';

export type HarBytesKind =
  | { kind: 'utf-8'; skip: number }
  | { kind: 'utf-16le' | 'utf-16be'; skip: number }
  | { kind: 'compressed'; compression: Compression }
  | { kind: 'refused'; error: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, i) => bytes[i] === byte);

// Magic numbers: gzip RFC 1952 §2.3.1 (1f 8b); zip APPNOTE.TXT §4.3.7 (local file header
// "PK\3\4"); zstd RFC 8878 §3.1.1 (28 b5 2f fd); xz file format §2.1.1.1 (fd "7zXZ" 00);
// bzip2 "BZh" (bzip2 source, format header); 7z "7z\xbc\xaf\x27\x1c" (7-Zip 7zFormat.txt).
const GZIP = [0x1f, 0x8b];
const OTHER_CONTAINERS: readonly { magic: readonly number[]; name: string; undo: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive', undo: 'unzip it and give the .har file inside' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd-compressed', undo: 'decompress it first (zstd -d FILE)' },
  {
    magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    name: 'xz-compressed',
    undo: 'decompress it first (xz -d FILE)',
  },
  { magic: [0x42, 0x5a, 0x68], name: 'bzip2-compressed', undo: 'decompress it first (bunzip2 FILE)' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7z archive', undo: 'extract the .har file first' },
];

const convertHint = (from: string): string =>
  `HAR files are UTF-8: convert it first, e.g. iconv -f ${from} -t UTF-8 FILE.har > FILE.utf8.har`;

/**
 * UTF-16 without a byte-order mark: JSON text starts with ASCII (`{`, whitespace), which UTF-16
 * writes as one NUL and one ASCII byte. Four such pairs in a row is no accident in binary data.
 */
function utf16WithoutMark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 8) return undefined;
  let le = true;
  let be = true;
  for (let i = 0; i < 8; i += 2) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    le &&= a !== 0 && a < 0x80 && b === 0;
    be &&= a === 0 && b !== 0 && b < 0x80;
  }
  return le ? 'UTF-16LE' : be ? 'UTF-16BE' : undefined;
}

/**
 * Decide what the leading bytes are. `head` is the first SNIFF_BYTES bytes of the file (or all of
 * it when shorter). A NUL byte is how git and grep tell binary files apart: JSON text has none
 * (RFC 8259 §7: control characters in strings must be escaped).
 */
export function sniffHarBytes(head: Uint8Array): HarBytesKind {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'utf-8', skip: 3 };
  // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16LE mark.
  if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff]))
    return { kind: 'refused', error: `the file is UTF-32 text; ${convertHint('UTF-32')}` };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'utf-16le', skip: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'utf-16be', skip: 2 };
  if (startsWith(head, GZIP)) return { kind: 'compressed', compression: 'gzip' };
  for (const container of OTHER_CONTAINERS)
    if (startsWith(head, container.magic))
      return { kind: 'refused', error: `not a HAR file: it is ${container.name}; ${container.undo}` };
  const utf16 = utf16WithoutMark(head);
  if (utf16 !== undefined)
    return {
      kind: 'refused',
      error: `the file is ${utf16} text without a byte-order mark; ${convertHint(utf16)}`,
    };
  if (head.includes(0))
    return { kind: 'refused', error: 'not a HAR file: the content is binary, expected JSON text' };
  return { kind: 'utf-8', skip: 0 };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 §4), or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The sentence for bytes that are not UTF-8, naming where, and the usual culprits. */
export function invalidUtf8Message(byte: number, offset: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return (
    `the content is not valid UTF-8 text (byte 0x${hex} at offset ${offset}); HAR files are UTF-8: if it ` +
    `was saved as Windows-1252 or ISO-8859-1, convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE.har > FILE.utf8.har`
  );
}
