import { PROVIDER_IDS, type ProviderId } from '../../core/diagnosis.ts';
import { normalizeHost } from './normalize-host.ts';
import { DEFAULT_SETTINGS, LIMIT_BOUNDS, type Settings } from './settings.ts';

function isProvider(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** Keeps only valid host → profile pairs, so a hand-edited or managed value cannot break the panel. */
export function parseHostMap(value: unknown): Record<string, ProviderId> {
  const map: Record<string, ProviderId> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return map;
  for (const [host, provider] of Object.entries(value)) {
    const normalized = normalizeHost(host);
    if (normalized !== '' && isProvider(provider)) map[normalized] = provider;
  }
  return map;
}

function clampedInteger(value: unknown, bounds: { min: number; max: number }, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}

/** Stored settings → Settings with safe defaults for anything missing or malformed. */
export function parseSettings(value: unknown): Settings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    hostMap: parseHostMap(record['hostMap']),
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
  };
}

/** Organisation presets from managed storage: `{ "hostMap": { "api.example.com": "persona" } }`. */
export function parseManagedHostMap(value: unknown): Record<string, ProviderId> {
  if (typeof value !== 'object' || value === null) return {};
  return parseHostMap((value as Record<string, unknown>)['hostMap']);
}
