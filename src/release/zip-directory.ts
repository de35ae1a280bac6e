import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipEntries } from './zip-entries.ts';

/** Every file under `dir`, as a deflated zip with paths relative to `dir`, in a stable order. */
export async function zipDirectory(dir: string): Promise<Buffer> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, data: new Uint8Array(await readFile(path.join(dir, name))) })),
  );
  return zipEntries(files);
}
