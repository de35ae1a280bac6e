import type { ProviderId } from '../../core/diagnosis.ts';
import type { ProfileDocument } from '../../core/profiles/index.ts';
// By its own path, not the engine's entry module: the panel's first load reads these defaults, and
// the engine itself loads later, in a chunk of its own (panel-core.ts).
import { DEFAULT_RETENTION } from '../../core/retention.ts';

/** The unit of the body budget setting: a mebi-character, a mebibyte for Latin-1 text. */
export const CHARS_PER_MB = 1024 * 1024;

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
  /**
   * Body text kept across all failures, in millions of characters (CHARS_PER_MB): past it the
   * oldest failures' bodies are cut to their head, then dropped, and the failures stay listed.
   */
  maxRetainedBodyMB: number;
  /** Keep the request bodies of successful calls (only the HAR export uses them). */
  keepSuccessBodies: boolean;
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
  maxRetainedBodyMB: DEFAULT_RETENTION.maxRetainedBodyChars / CHARS_PER_MB,
  keepSuccessBodies: DEFAULT_RETENTION.keepSuccessBodies,
  preserveLog: false,
  profiles: [],
};

export const LIMIT_BOUNDS = {
  maxFailures: { min: 100, max: 50_000 },
  maxSuccesses: { min: 0, max: 50_000 },
  maxBodyChars: { min: 1_000, max: 20_000_000 },
  maxRetainedBodyMB: { min: 4, max: 1_024 },
} as const;

/**
 * The profile documents in force: the user's own, then the organisation's whose id the user has
 * not taken. What the panel classifies with, and what the devtools page judges a 2xx by.
 */
export function profileDocumentsInForce(
  own: readonly ProfileDocument[],
  managed: readonly ProfileDocument[],
): ProfileDocument[] {
  const ids = new Set(own.map((doc) => doc.id));
  return [...own, ...managed.filter((doc) => !ids.has(doc.id))];
}

/** The host mappings in force: the user's over the organisation's. */
export function hostMapInForce(
  own: Readonly<Record<string, ProviderId>>,
  managed: Readonly<Record<string, ProviderId>>,
): Record<string, ProviderId> {
  return { ...managed, ...own };
}
