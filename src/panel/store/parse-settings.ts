import type { ProviderId } from '../../core/diagnosis.ts';
import {
  BUILT_IN_PROVIDER_IDS,
  checkProfileDocument,
  type ProfileDocument,
} from '../../core/profiles/index.ts';
import { normalizeHost } from './normalize-host.ts';
import { DEFAULT_SETTINGS, LIMIT_BOUNDS, type Settings } from './settings.ts';

/**
 * Keeps only valid host → profile pairs whose profile exists (a built-in, or one of `profileIds`),
 * so a hand-edited or managed value cannot break the panel.
 */
export function parseHostMap(value: unknown, profileIds: readonly string[] = []): Record<string, ProviderId> {
  const map: Record<string, ProviderId> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return map;
  const known = new Set<string>([...BUILT_IN_PROVIDER_IDS, ...profileIds]);
  for (const [host, provider] of Object.entries(value)) {
    const normalized = normalizeHost(host);
    if (normalized !== '' && typeof provider === 'string' && known.has(provider)) map[normalized] = provider;
  }
  return map;
}

/**
 * The profile documents of a stored or managed list that pass the format check, the last one of an
 * id winning. Managed storage may carry each profile as JSON text: Chrome's managed-storage schema
 * cannot describe a free-form object, so managed-schema.json declares the items as strings.
 */
export function parseProfiles(value: unknown): ProfileDocument[] {
  if (!Array.isArray(value)) return [];
  const byId = new Map<string, ProfileDocument>();
  for (const item of value.slice(0, 100)) {
    let document: unknown = item;
    if (typeof item === 'string') {
      try {
        document = JSON.parse(item);
      } catch {
        continue;
      }
    }
    const checked = checkProfileDocument(document);
    if (checked.ok && checked.document.id !== 'generic') byId.set(checked.document.id, checked.document);
  }
  return [...byId.values()];
}

function clampedInteger(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}

/**
 * Stored settings → Settings with safe defaults for anything missing or malformed. `profileIds`
 * names profiles from elsewhere (managed storage) that a mapping may point at.
 */
export function parseSettings(value: unknown, profileIds: readonly string[] = []): Settings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const profiles = parseProfiles(record['profiles']);
  return {
    hostMap: parseHostMap(record['hostMap'], [...profileIds, ...profiles.map((p) => p.id)]),
    // Before failures and successes were kept apart there was one `maxExchanges` limit: a user who
    // raised it wanted more kept, so it carries over to failures.
    maxFailures: clampedInteger(
      record['maxFailures'] ?? record['maxExchanges'],
      LIMIT_BOUNDS.maxFailures,
      DEFAULT_SETTINGS.maxFailures,
    ),
    maxSuccesses: clampedInteger(
      record['maxSuccesses'],
      LIMIT_BOUNDS.maxSuccesses,
      DEFAULT_SETTINGS.maxSuccesses,
    ),
    maxBodyChars: clampedInteger(
      record['maxBodyChars'],
      LIMIT_BOUNDS.maxBodyChars,
      DEFAULT_SETTINGS.maxBodyChars,
    ),
    maxRetainedBodyMB: clampedInteger(
      record['maxRetainedBodyMB'],
      LIMIT_BOUNDS.maxRetainedBodyMB,
      DEFAULT_SETTINGS.maxRetainedBodyMB,
    ),
    keepSuccessBodies: record['keepSuccessBodies'] === true,
    preserveLog: record['preserveLog'] === true,
    profiles,
  };
}

/**
 * Organisation presets from managed storage: `{ "hostMap": { "api.example.com": "persona" },
 * "profiles": ["{…profile JSON…}"] }`.
 */
export function parseManagedSettings(value: unknown): {
  hostMap: Record<string, ProviderId>;
  profiles: ProfileDocument[];
} {
  if (typeof value !== 'object' || value === null) return { hostMap: {}, profiles: [] };
  const record = value as Record<string, unknown>;
  const profiles = parseProfiles(record['profiles']);
  return {
    hostMap: parseHostMap(
      record['hostMap'],
      profiles.map((p) => p.id),
    ),
    profiles,
  };
}

/** The host mappings of managed storage (see `parseManagedSettings`). */
export function parseManagedHostMap(value: unknown): Record<string, ProviderId> {
  return parseManagedSettings(value).hostMap;
}
