import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TriageEngine } from '../../../src/core/engine/index.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import {
  IDLE_CAP_S,
  MAX_ATTEMPTS,
  formatSpan,
  retryTimeline,
} from '../../../src/core/view/retry-timeline.ts';

const FIXTURES = new URL('../../fixtures/session/', import.meta.url);

/** A session fixture through the one engine, as the panel holds it. */
function timelineOf(name: string) {
  const parsed = parseHar(readFileSync(new URL(name, FIXTURES), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const engine = new TriageEngine();
  engine.add(parsed.har.log.entries);
  return { timeline: retryTimeline(engine.records(), engine.findings()), engine };
}

/** `n` 503s to one endpoint, `everyMs` apart, as HAR entries. */
function flaky(n: number, everyMs: number): unknown[] {
  const base = Date.parse('2026-05-04T10:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    startedDateTime: new Date(base + i * everyMs).toISOString(),
    time: 20,
    request: { method: 'GET', url: 'https://api.example.com/v1/flaky', headers: [] },
    response: { status: 503, headers: [], content: { size: 0, mimeType: 'text/plain' } },
    timings: { send: 0, wait: 20, receive: 0 },
  }));
}

describe('retryTimeline', () => {
  it('draws each retry of one endpoint in order, with the gaps and the Retry-After windows', () => {
    // retry-before-wait.har: three 429s to GET /v1/orders, 2 s apart, each asking for ~30 s.
    const { timeline } = timelineOf('retry-before-wait.har');
    expect(timeline.lanes).toHaveLength(1);
    const [lane] = timeline.lanes;
    expect(lane?.method).toBe('GET');
    expect(lane?.path).toBe('/v1/orders');
    expect(lane?.attempts.map((a) => [a.index, a.status, a.verdict])).toEqual([
      [0, 429, 'yes'],
      [1, 429, 'yes'],
      [2, 429, 'yes'],
    ]);
    expect(lane?.windows.map((w) => [w.index, w.seconds, w.source])).toEqual([
      [0, 30, 'Retry-After'],
      [1, 28, 'Retry-After'],
      [2, 26, 'Retry-After'],
    ]);
    // Both retries came before the window of the attempt before them had elapsed.
    expect(lane?.gaps.map((g) => g.early)).toEqual([true, true]);
    // Positions grow with time and the window of the first attempt covers the second one.
    const [a0, a1] = lane?.attempts ?? [];
    const [w0] = lane?.windows ?? [];
    expect(a0!.x0).toBeLessThan(a1!.x0);
    expect(w0!.x0).toBeLessThanOrEqual(a1!.x0);
    expect(w0!.x1).toBeGreaterThan(a1!.x1);
  });

  it('marks where the circuit breaker would have opened, and what was sent during its pause', () => {
    const { timeline, engine } = timelineOf('circuit-breaker.har');
    const finding = engine.findings().find((f) => f.kind === 'circuit_breaker');
    expect(finding).toBeDefined();
    const opened = finding!.entries[4];
    const breakers = timeline.lanes.flatMap((l) => l.breakers);
    expect(breakers.map((b) => [b.index, b.pauseS])).toEqual([[opened, 30]]);
    const lane = timeline.lanes.find((l) => l.breakers.length > 0)!;
    expect(lane.breakers[0]!.x1 - lane.breakers[0]!.x0).toBeCloseTo(30, 3);
  });

  it('flags attempts sent while the breaker would have been open', () => {
    // Six 503s to one endpoint, 1 s apart: the fifth opens the breaker, the sixth is sent inside
    // its 30 s pause.
    const engine = new TriageEngine();
    engine.add(flaky(6, 1000));
    const [lane] = retryTimeline(engine.records(), engine.findings()).lanes;
    expect(lane!.breakers.map((b) => b.index)).toEqual([4]);
    expect(lane!.attempts.map((a) => a.duringBreakerPause)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('gives lanes only to endpoints that failed, retried endpoints first', () => {
    // well-behaved-exponential-backoff.har: three retried endpoints, all ending in a success.
    const { timeline } = timelineOf('well-behaved-exponential-backoff.har');
    expect(timeline.lanes.map((l) => [l.path, l.attempts.length, l.failures])).toEqual([
      ['/v1/search', 5, 4],
      ['/api/v1/reports/rep_77', 4, 3],
      ['/v2/accounts/acc_9/balance', 3, 2],
    ]);
    expect(timeline.lanes.every((l) => l.gaps.every((g) => !g.early))).toBe(true);
  });

  it('squeezes long idle stretches so a late retry stays on the lane', () => {
    // well-behaved-fixed-request.har: a 400, fixed and re-sent 9 s later (no server wait between).
    const { timeline } = timelineOf('well-behaved-fixed-request.har');
    const lane = timeline.lanes.find((l) => l.path === '/v1/embeddings')!;
    expect(lane.gaps[0]!.ms).toBeGreaterThan(8_000);
    expect(lane.gaps[0]!.x1 - lane.gaps[0]!.x0).toBeLessThanOrEqual(IDLE_CAP_S);
    expect(lane.breaks).toHaveLength(1);
    expect(lane.span).toBeLessThan(10);
  });

  it('counts endpoints that failed once with nothing to draw instead of giving them a lane', () => {
    // circuit-breaker.har: one POST /v2/transfers 500, never retried, no wait.
    const { timeline } = timelineOf('circuit-breaker.har');
    expect(timeline.lanes.some((l) => l.path === '/v2/transfers')).toBe(false);
    expect(timeline.once).toBeGreaterThan(0);
  });

  it('keeps the latest attempts of a very long lane and counts the rest', () => {
    const engine = new TriageEngine();
    engine.add(flaky(MAX_ATTEMPTS + 15, 1000));
    const [lane] = retryTimeline(engine.records(), engine.findings()).lanes;
    expect(lane!.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(lane!.hidden).toBe(15);
    expect(lane!.attempts[0]!.index).toBe(15);
  });

  it('formats spans short', () => {
    expect([formatSpan(850), formatSpan(2400), formatSpan(31_000), formatSpan(300_000)]).toEqual([
      '850 ms',
      '2.4 s',
      '31 s',
      '5 min',
    ]);
  });
});
