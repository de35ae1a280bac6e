import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.ts';

export interface ZipInput {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

// A fixed timestamp (1980-01-01 00:00, the DOS epoch) keeps archives byte-identical across runs,
// so a release can be rebuilt and compared.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** General-purpose flag bit 11: names are UTF-8 (APPNOTE.TXT 4.4.4). */
const UTF8 = 0x0800;
const DEFLATE = 8;

/**
 * A zip archive (PKWARE APPNOTE.TXT 6.3.x, no zip64: extensions are far below 4 GB) of the given
 * files, each deflated. Enough for the Chrome Web Store, which takes a plain zip of the build.
 */
export function zipEntries(files: readonly ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = deflateRawSync(file.data, { level: 9 });
    const sums = { crc: crc32(file.data), packed: packed.length, size: file.data.length };
    const local = header(0x04034b50, name, sums, undefined);
    locals.push(local, packed);
    centrals.push(header(0x02014b50, name, sums, offset));
    offset += local.length + packed.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

interface Sums {
  crc: number;
  packed: number;
  size: number;
}

/** A local file header, or (with an offset) a central directory header. */
function header(signature: number, name: Buffer, sums: Sums, offset: number | undefined): Buffer {
  const central = offset !== undefined;
  const fixed = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  const u16 = (v: number) => (at = fixed.writeUInt16LE(v, at));
  const u32 = (v: number) => (at = fixed.writeUInt32LE(v >>> 0, at));
  u32(signature);
  if (central) u16(20); // made by: version 2.0, MS-DOS attributes
  u16(20); // needed to extract: 2.0 (deflate)
  u16(UTF8);
  u16(DEFLATE);
  u16(DOS_TIME);
  u16(DOS_DATE);
  u32(sums.crc);
  u32(sums.packed);
  u32(sums.size);
  u16(name.length);
  u16(0); // extra field length
  if (central) {
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  return Buffer.concat([fixed, name]);
}
