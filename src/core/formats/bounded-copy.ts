// Enough to show nested detail objects (Google details, envelope `details`) in a ticket or panel;
// deeper values are elided so nobody downstream recurses into a 100,000-level body.
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

function copyArray(value: unknown[], depth: number): unknown[] {
  return value.slice(0, MAX_ITEMS).map((item) => copyAt(item, depth + 1));
}

function copyObject(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, MAX_ITEMS)) copy[key] = copyAt(value[key], depth + 1);
  return copy;
}

function copyAt(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '…';
  return Array.isArray(value) ? copyArray(value, depth) : copyObject(value as Record<string, unknown>, depth);
}

/**
 * A copy of a parsed JSON value cut at a fixed depth and width, so it is safe to keep, stringify
 * or render (the recursion is bounded by MAX_DEPTH). Undefined stays undefined.
 */
export function boundedCopy(value: unknown): unknown {
  return copyAt(value, 0);
}
