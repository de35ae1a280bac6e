import type { HarEntry } from './har.ts';

/**
 * parseHar only checks that `log.entries` is an array. A null, a string or an array in it is no
 * exchange: every consumer skips it but keeps counting, so the others keep their `log.entries`
 * index (the CLI's `index`, the panel's ids).
 */
export function isHarEntry(value: unknown): value is HarEntry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
