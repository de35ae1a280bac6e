import type { HarEntry } from '../../core/har.ts';

/**
 * A structured-cloneable copy of the request object devtools.network hands out: it is a HAR entry
 * plus methods (getContent), and methods cannot cross a BroadcastChannel. JSON round-tripping drops
 * them and anything else that is not plain data.
 */
export function plainHarEntry(request: unknown): HarEntry {
  try {
    const copy: unknown = JSON.parse(JSON.stringify(request ?? {}));
    return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as HarEntry) : {};
  } catch {
    return {};
  }
}
