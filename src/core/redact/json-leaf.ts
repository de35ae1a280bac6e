import { detectSensitive } from './detect-sensitive.ts';
import { fieldKind } from './field-kind.ts';
import { isPlaceholder } from './placeholder.ts';
import { redactText } from './redact-text.ts';
import { redactUrl } from './redact-url.ts';
import type { RedactionKind } from './redaction-kind.ts';
import type { RedactionSession } from './redaction-session.ts';

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

/** What a key means for redaction: its sensitive kind, and whether it is itself clean. */
export interface KeyInfo {
  kind: RedactionKind | undefined;
  /** The key contains nothing the detectors find, so it can be written back unchanged. */
  clean: boolean;
}

/** Object keys repeat endlessly in a body, so their verdict is computed once (bounded cache). */
const keyCache = new Map<string, KeyInfo>();

export function jsonKeyInfo(key: string): KeyInfo {
  let info = keyCache.get(key);
  if (info === undefined) {
    info = { kind: fieldKind(key), clean: detectSensitive(key).length === 0 };
    if (keyCache.size < 50_000) keyCache.set(key, info);
  }
  return info;
}

/** An object key: maps keyed by email or phone exist, so keys pass the detectors too. */
export function redactJsonKey(key: string, session: RedactionSession): string {
  return jsonKeyInfo(key).clean ? key : redactText(key, session);
}

/**
 * A JSON string value: whole under a sensitive name (`kind` set), otherwise through the detectors;
 * URLs (callback_url, next links, Chrome's `_initiator`) through redactUrl so percent-encoded
 * query values are decoded first.
 */
export function redactJsonString(
  value: string,
  kind: RedactionKind | undefined,
  session: RedactionSession,
): string {
  if (kind !== undefined)
    return value === '' || isPlaceholder(value) ? value : session.placeholder(kind, value);
  return URL_START.test(value) ? redactUrl(value, session) : redactText(value, session);
}

/** A JSON number under a sensitive name becomes a placeholder string; other numbers stay. */
export function redactJsonNumber(
  value: number | string,
  kind: RedactionKind | undefined,
  session: RedactionSession,
): string | undefined {
  return kind !== undefined && NUMERIC_KINDS.has(kind) ? session.placeholder(kind, String(value)) : undefined;
}
