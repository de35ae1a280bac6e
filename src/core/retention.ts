import type { HarEntry } from './har.ts';

/**
 * What the panel keeps of a live session, and how (issue 11: memory goes to failures first). Shared
 * by the engine's retention (core/engine) and the devtools page's buffer, which holds the session
 * under the same limits until the panel is first shown; a module of its own so the devtools page
 * does not load the whole engine for a few numbers.
 */

export interface RetentionLimits {
  /** Most failures kept; the oldest is evicted first. */
  maxFailures: number;
  /** Most successes kept (for findings and the export); they never displace a failure. */
  maxSuccesses: number;
  /**
   * Body text kept across all failures, in UTF-16 code units. Past it the oldest failures' response
   * bodies are cut to their first BODY_HEAD_CHARS characters, then (if that is not enough) dropped;
   * the failures themselves stay. Bounds memory where a count alone cannot (2 KB and 1 MB bodies).
   */
  maxRetainedBodyChars: number;
}

export interface Retention extends RetentionLimits {
  /** Longest body kept per exchange, in UTF-16 code units. */
  maxBodyChars: number;
  /** Keep successes' request bodies (only for the export; no session rule needs them). */
  keepSuccessBodies: boolean;
}

/**
 * The panel's defaults (issue 11): 10,000 failures in a long session, successes only as far as
 * findings and the export need them, and a body budget that bounds memory whatever the body sizes.
 *
 * The memory budget they keep: 100 MB of panel heap for 10,000 failures and 2,000 successes.
 * A kept record without its body costs about 2 KB (bench:panel measured 21.4 MB for 10,000
 * failures with small bodies); bodies get 32 Mi characters, which V8 stores in 32 MB when they are
 * Latin-1 (JSON error bodies almost always are) and 64 MB at worst. `npm run bench:capture`
 * measures the heap with 10,000 failures of 2–50 KB bodies.
 */
export const DEFAULT_RETENTION: Retention = {
  maxFailures: 10_000,
  maxSuccesses: 2_000,
  maxBodyChars: 1_000_000,
  maxRetainedBodyChars: 32 * 1024 * 1024,
  keepSuccessBodies: false,
};

/** A host that streams its results (the CLI) keeps nothing: memory bounded by one entry. */
export const KEEP_NOTHING: Retention = {
  maxFailures: 0,
  maxSuccesses: 0,
  maxBodyChars: Number.POSITIVE_INFINITY,
  maxRetainedBodyChars: 0,
  keepSuccessBodies: false,
};

/**
 * How much of a body survives when the body budget is short: the first 2,048 characters. A JSON
 * error document is usually shorter and stays whole; a 50 KB error page keeps its head, where the
 * error object (code, message, request id) usually sits.
 */
export const BODY_HEAD_CHARS = 2_048;

/**
 * A copy of `entry` whose response body is `text`, marked `_truncatedFrom` (HAR 1.2 allows
 * `_`-prefixed fields) so the export and a re-import say the body is incomplete. `text` is the
 * decoded body, so any base64 `encoding` goes. The caller's object is not modified.
 */
export function withCutBody(entry: HarEntry, text: string, originalSize: number): HarEntry {
  const content = entry.response?.content ?? {};
  const { encoding: _dropped, ...rest } = content;
  return {
    ...entry,
    response: { ...entry.response, content: { ...rest, text, _truncatedFrom: originalSize } },
  };
}
