import { jsonKeyInfo, redactJsonKey, redactJsonNumber, redactJsonString } from './json-leaf.ts';
import type { RedactionKind } from './redaction-kind.ts';
import type { RedactionSession } from './redaction-session.ts';

type Container = Record<string, unknown> | unknown[];

interface Frame {
  source: Container;
  target: Container;
  /** Set when an ancestor's name made this whole subtree sensitive (`"address": {…}`). */
  kind: RedactionKind | undefined;
}

function redactLeaf(value: unknown, kind: RedactionKind | undefined, session: RedactionSession): unknown {
  if (typeof value === 'string') return redactJsonString(value, kind, session);
  if (typeof value === 'number') return redactJsonNumber(value, kind, session) ?? value;
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
    const kind = frame.kind ?? jsonKeyInfo(key).kind;
    const out = child(value, inPlace, kind, stack) ?? redactLeaf(value, kind, session);
    const newKey = redactJsonKey(key, session);
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
