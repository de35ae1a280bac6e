import type { ProviderId } from '../../core/diagnosis.ts';
import type { ProfileDocument } from '../../core/profiles/index.ts';
import { DEFAULT_RETENTION } from '../../core/engine/index.ts';

/** What the user configures; persisted with browser.storage.local (only settings are stored). */
export interface Settings {
  /** Lowercase hostname → provider profile, applied before any other recognition. */
  hostMap: Record<string, ProviderId>;
  /** Most failures kept in memory; the oldest are evicted first. */
  maxFailures: number;
  /** Most successes kept (headers and timing only, for findings and the export); never at a failure's cost. */
  maxSuccesses: number;
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
  maxFailures: DEFAULT_RETENTION.maxFailures,
  maxSuccesses: DEFAULT_RETENTION.maxSuccesses,
  maxBodyChars: DEFAULT_RETENTION.maxBodyChars,
  preserveLog: false,
  profiles: [],
};

export const LIMIT_BOUNDS = {
  maxFailures: { min: 100, max: 50_000 },
  maxSuccesses: { min: 0, max: 50_000 },
  maxBodyChars: { min: 1_000, max: 20_000_000 },
} as const;
