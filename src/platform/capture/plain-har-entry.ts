import type { HarEntry } from '../../core/har.ts';

/**
 * A structured-cloneable copy of the request object devtools.network hands out: it is a HAR entry
 * plus methods (getContent), and methods cannot cross a BroadcastChannel.
 *
 * The fields are gathered with `for…in`, not by JSON-serialising the object itself: where the
 * browser has no native `browser` namespace (Chromium before 148, e.g. Debian's Chromium 150 build,
 * which ships without it), webextension-polyfill hands listeners a Proxy over `Object.create(entry)`
 * so it can promisify getContent. That proxy has no own keys, so `JSON.stringify` sees `{}` and
 * every request would become an empty `GET` with status 0; `for…in` walks the prototype chain and
 * finds the entry's fields. JSON round-tripping each field then drops methods and anything else
 * that is not plain data.
 */
export function plainHarEntry(request: unknown): HarEntry {
  if (typeof request !== 'object' || request === null) return {};
  const copy: Record<string, unknown> = {};
  // A proxy's getter may throw for a field that is gone; such a field is dropped, the rest kept.
  for (const key in request) {
    try {
      const value: unknown = (request as Record<string, unknown>)[key];
      if (typeof value === 'function' || value === undefined) continue;
      copy[key] = JSON.parse(JSON.stringify(value)) as unknown;
    } catch {
      continue;
    }
  }
  return copy as HarEntry;
}
