import type { RetryVerdict } from '../diagnosis.ts';
import type { EngineRecord } from '../engine/index.ts';
import type { Finding } from '../finding.ts';
import { CIRCUIT_BREAKER } from '../session/detect-circuit-breaker.ts';
import { pathTemplate } from './group-failures.ts';

/**
 * The retry timeline's model (issue 13 "A picture of the retries"): the session's attempts grouped
 * per host and endpoint, each lane on its own time axis, with the gaps the client waited, the
 * waits the server asked for, and where the circuit breaker of error-envelope.txt › "Circuit
 * Breaker Pattern" would have opened. Positions are in display seconds: real time inside busy
 * stretches (attempts, server waits, breaker pauses), idle stretches longer than IDLE_CAP_S
 * squeezed to IDLE_CAP_S and marked, so a retry burst an hour after the first failure stays
 * readable at 400 px. The component only scales `x` values to pixels.
 */

/** An idle stretch longer than this (seconds) is drawn this long, with a break mark. */
export const IDLE_CAP_S = 4;
/** A lane is at least this long (display seconds), so one short burst does not fill the width. */
export const MIN_SPAN_S = 1;
/** Lanes beyond this many are counted, not drawn (the busiest and retried ones come first). */
export const MAX_LANES = 12;
/** Attempts per lane beyond this many (the oldest) are counted, not drawn. */
export const MAX_ATTEMPTS = 40;

export interface TimelineAttempt {
  index: number;
  status: number;
  /** The retry verdict when it failed; undefined for a success. */
  verdict?: RetryVerdict;
  startMs: number;
  endMs: number;
  x0: number;
  x1: number;
  /** Sent while the circuit breaker of its host would have been open. */
  duringBreakerPause: boolean;
}

export interface TimelineGap {
  /** The attempt after the gap. */
  index: number;
  ms: number;
  x0: number;
  x1: number;
  /** Sent before the server-given wait of the attempt before it had elapsed. */
  early: boolean;
}

/** A wait the server asked for after a failed attempt (Retry-After, RetryInfo, a rate-limit reset). */
export interface TimelineWindow {
  /** The attempt whose response asked for the wait. */
  index: number;
  seconds: number;
  source: string;
  x0: number;
  x1: number;
}

export interface TimelineBreaker {
  /** The failure that made the streak long enough to open the breaker. */
  index: number;
  /** Opening point and end of the pause. */
  x0: number;
  x1: number;
  pauseS: number;
}

export interface TimelineLane {
  /** `METHOD host path-template`: one endpoint. */
  key: string;
  method: string;
  host: string;
  path: string;
  attempts: TimelineAttempt[];
  gaps: TimelineGap[];
  windows: TimelineWindow[];
  breakers: TimelineBreaker[];
  /** Display positions where an idle stretch was squeezed. */
  breaks: number[];
  /** Display length of the lane, > 0. */
  span: number;
  failures: number;
  /** Earlier attempts not drawn (MAX_ATTEMPTS). */
  hidden: number;
}

export interface RetryTimeline {
  lanes: TimelineLane[];
  /**
   * Endpoints that failed once, were not retried and got no server wait: nothing to draw on a time
   * line (the list shows them), only counted.
   */
  once: number;
  /** Endpoints with failures not drawn (MAX_LANES). */
  hiddenLanes: number;
  /** Attempts left out because their timing is unknown. */
  untimed: number;
}

interface Timed {
  record: EngineRecord;
  startMs: number;
  endMs: number;
}

interface Busy {
  from: number;
  to: number;
}

function endpointOf(record: EngineRecord): { host: string; path: string } {
  try {
    const url = new URL(record.exchange.url);
    return { host: url.host.toLowerCase(), path: pathTemplate(url.pathname) };
  } catch {
    return { host: record.attempt.host, path: pathTemplate(record.exchange.url.split(/[?#]/, 1)[0] ?? '') };
  }
}

/** Where each circuit-breaker finding opens: the threshold-th failure of its streak. */
function breakerOpenings(findings: readonly Finding[]): Set<number> {
  const at = new Set<number>();
  for (const finding of findings) {
    const index =
      finding.kind === 'circuit_breaker' ? finding.entries[CIRCUIT_BREAKER.threshold - 1] : undefined;
    if (index !== undefined) at.add(index);
  }
  return at;
}

/** Piecewise-linear map from time to display seconds over merged busy stretches. */
function displayScale(busy: Busy[]): { x: (ms: number) => number; breaks: number[]; span: number } {
  busy.sort((a, b) => a.from - b.from);
  const merged: Busy[] = [];
  for (const b of busy) {
    const last = merged[merged.length - 1];
    if (last !== undefined && b.from <= last.to) last.to = Math.max(last.to, b.to);
    else merged.push({ ...b });
  }
  // Display start of each merged stretch.
  const starts: number[] = [];
  const breaks: number[] = [];
  let x = 0;
  merged.forEach((b, i) => {
    const previous = merged[i - 1];
    if (previous !== undefined) {
      const idleS = (b.from - previous.to) / 1000;
      if (idleS > IDLE_CAP_S) breaks.push(x + IDLE_CAP_S / 2);
      x += Math.min(idleS, IDLE_CAP_S);
    }
    starts.push(x);
    x += (b.to - b.from) / 1000;
  });
  const xOf = (ms: number): number => {
    // The last stretch starting at or before ms (stretches are few: a linear scan is enough).
    let i = merged.length - 1;
    while (i > 0 && (merged[i]?.from ?? 0) > ms) i--;
    const b = merged[i];
    if (b === undefined) return 0;
    return (starts[i] ?? 0) + Math.max(0, Math.min(ms, b.to) - b.from) / 1000;
  };
  return { x: xOf, breaks, span: Math.max(x, MIN_SPAN_S) };
}

function laneOf(key: string, timed: Timed[], openings: Set<number>, pauses: readonly Busy[]): TimelineLane {
  const hidden = Math.max(0, timed.length - MAX_ATTEMPTS);
  const shown = timed.slice(hidden);
  const first = shown[0]?.record;
  const { host, path } = first ? endpointOf(first) : { host: '', path: '' };
  const busy: Busy[] = [];
  for (const t of shown) {
    busy.push({ from: t.startMs, to: t.endMs });
    const wait = t.record.attempt.wait;
    if (wait !== undefined) busy.push({ from: t.endMs, to: t.endMs + wait.seconds * 1000 });
    if (openings.has(t.record.index)) busy.push({ from: t.endMs, to: t.endMs + CIRCUIT_BREAKER.pauseMs });
  }
  const scale = displayScale(busy);
  const lane: TimelineLane = {
    key,
    method: first?.attempt.method ?? '',
    host,
    path,
    attempts: [],
    gaps: [],
    windows: [],
    breakers: [],
    breaks: scale.breaks,
    span: scale.span,
    failures: 0,
    hidden,
  };
  shown.forEach((t, i) => {
    const { record } = t;
    const failure = record.attempt.failure;
    const attempt: TimelineAttempt = {
      index: record.index,
      status: record.attempt.status,
      startMs: t.startMs,
      endMs: t.endMs,
      x0: scale.x(t.startMs),
      x1: scale.x(t.endMs),
      duringBreakerPause: pauses.some((p) => t.startMs >= p.from && t.startMs < p.to),
    };
    if (failure !== undefined) {
      attempt.verdict = failure.retry;
      lane.failures += 1;
    }
    lane.attempts.push(attempt);
    const before = shown[i - 1];
    if (before !== undefined) {
      const ms = Math.max(0, t.startMs - before.endMs);
      const asked = before.record.attempt.wait;
      lane.gaps.push({
        index: record.index,
        ms,
        x0: scale.x(before.endMs),
        x1: scale.x(Math.max(t.startMs, before.endMs)),
        early: asked !== undefined && ms < asked.seconds * 1000,
      });
    }
    const wait = record.attempt.wait;
    if (wait !== undefined)
      lane.windows.push({
        index: record.index,
        seconds: wait.seconds,
        source: wait.source,
        x0: scale.x(t.endMs),
        x1: scale.x(t.endMs + wait.seconds * 1000),
      });
    if (openings.has(record.index))
      lane.breakers.push({
        index: record.index,
        x0: scale.x(t.endMs),
        x1: scale.x(t.endMs + CIRCUIT_BREAKER.pauseMs),
        pauseS: CIRCUIT_BREAKER.pauseMs / 1000,
      });
  });
  return lane;
}

/**
 * Build the timeline from the kept records (successes included: they end a retry story) and the
 * session's findings. An endpoint gets a lane when it failed and there is a story to draw: a
 * retry (two or more attempts), a server-given wait or a circuit-breaker opening. Retried
 * endpoints come first, then by number of failures, then by first appearance.
 */
export function retryTimeline(records: readonly EngineRecord[], findings: readonly Finding[]): RetryTimeline {
  const byLane = new Map<string, Timed[]>();
  const failing = new Set<string>();
  const pausesByHost = new Map<string, Busy[]>();
  const openings = breakerOpenings(findings);
  let untimed = 0;
  for (const record of records) {
    const { startMs, endMs } = record.attempt;
    const { host, path } = endpointOf(record);
    const key = `${record.attempt.method} ${host}${path}`;
    if (record.diagnosis !== undefined) failing.add(key);
    if (startMs === undefined || endMs === undefined) {
      untimed += 1;
      continue;
    }
    const lane = byLane.get(key) ?? [];
    lane.push({ record, startMs, endMs });
    byLane.set(key, lane);
    if (openings.has(record.index)) {
      const pauses = pausesByHost.get(host) ?? [];
      pauses.push({ from: endMs, to: endMs + CIRCUIT_BREAKER.pauseMs });
      pausesByHost.set(host, pauses);
    }
  }
  const drawable = (key: string): boolean => {
    const timed = byLane.get(key) ?? [];
    return (
      timed.length > 1 ||
      timed.some((t) => t.record.attempt.wait !== undefined || openings.has(t.record.index))
    );
  };
  const failed = [...byLane.keys()].filter((key) => failing.has(key));
  const keys = failed.filter(drawable);
  const order = new Map(keys.map((key, i) => [key, i]));
  const weight = (key: string): [number, number] => {
    const attempts = byLane.get(key) ?? [];
    return [attempts.length > 1 ? 1 : 0, attempts.filter((t) => t.record.diagnosis !== undefined).length];
  };
  keys.sort((a, b) => {
    const [ra, fa] = weight(a);
    const [rb, fb] = weight(b);
    return rb - ra || fb - fa || (order.get(a) ?? 0) - (order.get(b) ?? 0);
  });
  const lanes = keys.slice(0, MAX_LANES).map((key) => {
    const timed = (byLane.get(key) ?? []).sort(
      (a, b) => a.startMs - b.startMs || a.record.index - b.record.index,
    );
    const host = timed[0] ? endpointOf(timed[0].record).host : '';
    return laneOf(key, timed, openings, pausesByHost.get(host) ?? []);
  });
  return {
    lanes,
    once: failed.length - keys.length,
    hiddenLanes: Math.max(0, keys.length - MAX_LANES),
    untimed,
  };
}

/** "850 ms", "2.4 s", "5 min": a gap or a wait as a short label. */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
