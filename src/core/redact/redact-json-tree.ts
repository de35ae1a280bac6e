import { fieldKind } from './field-kind.ts';
import { isPlaceholder } from './placeholder.ts';
import { redactText } from './redact-text.ts';
import { redactUrl } from './redact-url.ts';
import type { RedactionKind } from './redaction-kind.ts';
import type { RedactionSession } from './redaction-session.ts';

type Container = Record<string, unknown> | unknown[];

interface Frame {
  source: Container;
  target: Container;
  /** Set when an ancestor's name made this whole subtree sensitive (`"address": {…}`). */
  kind: RedactionKind | undefined;
}

/** Kinds whose value is still sensitive when it is a JSON number (a PIN, a zip code, a phone). */
const NUMERIC_KINDS = new Set<RedactionKind>([
  'password',
  'secret',
  'api-key',
  'token',
  'phone',
  'card',
  'iban',
  'national-id',
  'dob',
  'address',
]);

const URL_START = /^https?:\/\//i;

/** Keys seen to hold nothing detectable; object keys repeat, so this saves most key scans. */
const cleanKeys = new Set<string>();

function redactKey(key: string, session: RedactionSession): string {
  if (cleanKeys.has(key)) return key;
  const redacted = redactText(key, session);
  if (redacted === key && cleanKeys.size < 50_000) cleanKeys.add(key);
  return redacted;
}

function redactLeaf(value: unknown, kind: RedactionKind | undefined, session: RedactionSession): unknown {
  if (typeof value === 'string') {
    // URLs (callback_url, next links, Chrome's _initiator) carry percent-encoded query values.
    if (kind === undefined)
      return URL_START.test(value) ? redactUrl(value, session) : redactText(value, session);
    return value === '' || isPlaceholder(value) ? value : session.placeholder(kind, value);
  }
  if (typeof value === 'number' && kind !== undefined && NUMERIC_KINDS.has(kind))
    return session.placeholder(kind, String(value));
  return value;
}

function put(target: Container, key: string, value: unknown): void {
  // A parsed "__proto__" key is an own property; plain assignment would set the prototype instead.
  if (key === '__proto__' && !Array.isArray(target))
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

function child(value: unknown, inPlace: boolean, kind: RedactionKind | undefined, stack: Frame[]): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const source = value as Container;
  const target: Container = inPlace ? source : Array.isArray(source) ? new Array(source.length) : {};
  stack.push({ source, target, kind });
  return target;
}

function walkArray(frame: Frame, inPlace: boolean, stack: Frame[], session: RedactionSession): void {
  const source = frame.source as unknown[];
  const target = frame.target as unknown[];
  for (let i = 0; i < source.length; i++) {
    const value = source[i];
    target[i] = child(value, inPlace, frame.kind, stack) ?? redactLeaf(value, frame.kind, session);
  }
}

function walkObject(frame: Frame, inPlace: boolean, stack: Frame[], session: RedactionSession): void {
  const source = frame.source as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const kind = frame.kind ?? fieldKind(key);
    const out = child(value, inPlace, kind, stack) ?? redactLeaf(value, kind, session);
    const newKey = redactKey(key, session);
    if (newKey !== key) {
      if (inPlace) delete source[key];
      put(frame.target, newKey, out);
    } else if (!inPlace || out !== value) put(frame.target, key, out);
  }
}

/**
 * Walk a JSON value with an explicit stack (a deep document cannot overflow the call stack):
 * values under a sensitive name (fieldKind) become placeholders whole, every other string goes
 * through the text detectors, and object keys are checked too (maps keyed by email exist).
 * `inPlace` reuses the containers, for values the caller just parsed and owns.
 */
export function redactJsonTree(root: unknown, session: RedactionSession, inPlace: boolean): unknown {
  const stack: Frame[] = [];
  const top = child(root, inPlace, undefined, stack);
  if (top === undefined) return redactLeaf(root, undefined, session);
  let frame: Frame | undefined;
  while ((frame = stack.pop()) !== undefined) {
    if (Array.isArray(frame.source)) walkArray(frame, inPlace, stack, session);
    else walkObject(frame, inPlace, stack, session);
  }
  return top;
}
