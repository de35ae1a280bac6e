import type { ErrorBody } from '../diagnosis.ts';

/**
 * Error bodies are small; anything larger is a data response or a dump, and parsing it on every
 * failure would dominate triage time. Bodies above this are read by `readTruncatedJson` instead.
 */
export const MAX_JSON_PARSE_CHARS = 1_000_000;

// A field longer than this is not a message a person wrote; cut it so tickets and rows stay readable.
const MAX_FIELD_CHARS = 2000;
// Enough to show nested detail objects (Google details, envelope `details`) in a ticket or panel;
// deeper values are elided so nobody downstream recurses into a 100,000-level body.
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/** A parsed JSON value as an object with string keys, or undefined when it is not a plain object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A string or number field as trimmed text, or undefined when absent, empty or another type. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text;
}

/**
 * `target[key] = value` that also works for a key named `__proto__`, as JSON.parse does: plain
 * assignment of that key sets the object's prototype instead, which loses the value and lets the
 * data choose what every other key reads through.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function copyAt(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => copyAt(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).slice(0, MAX_ITEMS))
    setOwn(copy, key, copyAt((value as Record<string, unknown>)[key], depth + 1));
  return copy;
}

/**
 * A copy of a parsed JSON value cut at a fixed depth and width, so it is safe to keep, stringify
 * or render (the recursion is bounded by MAX_DEPTH). Undefined stays undefined.
 */
export function boundedCopy(value: unknown): unknown {
  return copyAt(value, 0);
}

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** An ErrorBody without the fields a format did not find (exactOptionalPropertyTypes forbids `undefined`). */
export function compactErrorBody(fields: Loose<ErrorBody> & { format: string }): ErrorBody {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body[key] = value;
  return body as unknown as ErrorBody;
}

/**
 * JSON.parse that never throws and skips text that cannot be a JSON object or array. V8's parser is
 * iterative, so `[[[[…` 100,000 levels deep is safe here; callers still only read fixed paths
 * (and `boundedCopy` for anything kept), never walk the result recursively.
 */
export function parseJsonBody(text: string | undefined): unknown {
  if (text === undefined || text.length > MAX_JSON_PARSE_CHARS) return undefined;
  const start = /\S/.exec(text.slice(0, 1024))?.[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// `error.errors[0].reason`, `innerError.request-id`, `__type`: dot-separated keys (any character but
// `.` and `[`), each optionally followed by `[n]` array indexes.
const SEGMENT = /^([^.[\]]+)((?:\[\d{1,4}\])*)$/;

/** The steps of a field path as profiles write it, or undefined when the path is malformed. */
export function parsePath(path: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (match?.[1] === undefined) return undefined;
    steps.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) steps.push(Number(index[1]));
  }
  return steps;
}

/** The value at a parsed path in a JSON value (own properties only), or undefined. */
export function valueAt(json: unknown, steps: readonly (string | number)[]): unknown {
  let at = json;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[step];
    } else {
      const record = asRecord(at);
      if (record === undefined || !Object.hasOwn(record, step)) return undefined;
      at = record[step];
    }
  }
  return at;
}
