import { PROVIDER_IDS, type ProviderId } from '../../core/diagnosis.ts';

/** What the user configures; persisted with browser.storage.local (only settings are stored). */
export interface Settings {
  /** Lowercase hostname → provider profile, applied before any other recognition. */
  hostMap: Record<string, ProviderId>;
  /** Most exchanges kept in memory; the oldest are evicted first. */
  maxExchanges: number;
  /**
   * Longest stored body, in characters (UTF-16 code units — a close proxy for bytes for the
   * mostly-ASCII JSON error bodies this is about, and what JavaScript can cut without re-encoding).
   */
  maxBodyChars: number;
  /** Keep the list across navigations, as the Network panel's "Preserve log". */
  preserveLog: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  hostMap: {},
  maxExchanges: 5000,
  maxBodyChars: 1_000_000,
  preserveLog: false,
};

export const LIMIT_BOUNDS = {
  maxExchanges: { min: 100, max: 50_000 },
  maxBodyChars: { min: 1_000, max: 20_000_000 },
} as const;

function isProvider(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** A host as the classifier matches it: lowercase hostname, no scheme, port or path. */
export function normalizeHost(input: string): string {
  const trimmed = input.trim().toLowerCase();
  try {
    return new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return '';
  }
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
    maxExchanges: clampedInteger(
      record['maxExchanges'],
      LIMIT_BOUNDS.maxExchanges,
      DEFAULT_SETTINGS.maxExchanges,
    ),
    maxBodyChars: clampedInteger(
      record['maxBodyChars'],
      LIMIT_BOUNDS.maxBodyChars,
      DEFAULT_SETTINGS.maxBodyChars,
    ),
    preserveLog: record['preserveLog'] === true,
  };
}

/** Organisation presets from managed storage: `{ "hostMap": { "api.example.com": "persona" } }`. */
export function parseManagedHostMap(value: unknown): Record<string, ProviderId> {
  if (typeof value !== 'object' || value === null) return {};
  return parseHostMap((value as Record<string, unknown>)['hostMap']);
}
