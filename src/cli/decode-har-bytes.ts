export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

/** A NUL byte in the first 8 KB is how git and grep tell binary files apart; JSON text has none. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** The encoding named by a byte-order mark: editors on Windows save UTF-16 HAR files with one. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * File bytes to text. HAR 1.2 says UTF-8; a BOM (UTF-8 or UTF-16) is tolerated and dropped by
 * TextDecoder. Invalid UTF-8 is refused as binary instead of being turned into U+FFFD soup that
 * would only fail later with a confusing JSON error.
 */
export function decodeHarBytes(bytes: Uint8Array): DecodeResult {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-8' && looksBinary(bytes))
    return { ok: false, error: 'not a HAR file: the content is binary, expected JSON text' };
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: `not a HAR file: the content is not valid ${encoding.toUpperCase()} text` };
  }
}
