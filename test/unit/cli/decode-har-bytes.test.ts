import { describe, expect, it } from 'vitest';
import { decodeHarBytes } from '../../../src/cli/decode-har-bytes.ts';

const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
};

describe('decodeHarBytes', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"log":1}')]);
    expect(decodeHarBytes(bytes)).toEqual({ ok: true, text: '{"log":1}' });
  });

  it('reads UTF-16 in either byte order when a byte-order mark names it', () => {
    expect(decodeHarBytes(utf16('{"log":"é"}', true))).toEqual({ ok: true, text: '{"log":"é"}' });
    expect(decodeHarBytes(utf16('{"log":"é"}', false))).toEqual({ ok: true, text: '{"log":"é"}' });
  });

  it('refuses NUL bytes and invalid UTF-8 as binary content', () => {
    expect(decodeHarBytes(new Uint8Array([0x7b, 0x00, 0x7d]))).toMatchObject({ ok: false, error: /binary/ });
    expect(decodeHarBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0xfd, 0x7d]))).toMatchObject({
      ok: false,
      error: /not valid UTF-8 text/,
    });
  });
});
