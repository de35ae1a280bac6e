import type { ProviderId } from '../../core/diagnosis.ts';
import type { ProfileDocument } from '../../core/profiles/index.ts';

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
  /** Provider profiles the user imported (checked documents, format version 1), one per id. */
  profiles: ProfileDocument[];
}

export const DEFAULT_SETTINGS: Settings = {
  hostMap: {},
  maxExchanges: 5000,
  maxBodyChars: 1_000_000,
  preserveLog: false,
  profiles: [],
};

export const LIMIT_BOUNDS = {
  maxExchanges: { min: 100, max: 50_000 },
  maxBodyChars: { min: 1_000, max: 20_000_000 },
} as const;
