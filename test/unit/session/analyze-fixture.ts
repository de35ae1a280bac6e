import { readFileSync } from 'node:fs';
import { classify } from '../../../src/core/classify.ts';
import type { Exchange, Header } from '../../../src/core/exchange.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { Finding } from '../../../src/core/finding.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';

const FIXTURES = new URL('../../fixtures/session/', import.meta.url);

/** The exchanges of one fixture HAR under test/fixtures/session, indexed as in `log.entries`. */
export function loadExchanges(name: string): Exchange[] {
  const parsed = parseHar(readFileSync(new URL(name, FIXTURES), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.har.log.entries.map((entry, index) => exchangeFromHarEntry(entry, index));
}

export interface SessionRun {
  analyzer: SessionAnalyzer;
  /** What `add` returned for each exchange, by index. */
  updates: Finding[][];
  findings: Finding[];
}

/** Feed exchanges to a fresh analyzer the way the panel and the CLI do: classify failures only. */
export function analyze(exchanges: readonly Exchange[], analyzer = new SessionAnalyzer()): SessionRun {
  const updates = exchanges.map((exchange) =>
    analyzer.add(exchange, isFailure(exchange) ? classify(exchange) : undefined),
  );
  return { analyzer, updates, findings: analyzer.findings() };
}

export function analyzeFixture(name: string): SessionRun {
  return analyze(loadExchanges(name));
}

/** Kind and entries only: what most assertions compare. */
export function shapes(findings: readonly Finding[]): { kind: string; entries: number[] }[] {
  return findings.map(({ kind, entries }) => ({ kind, entries }));
}

export interface ExchangeSpec {
  index: number;
  method?: string;
  url: string;
  /** Send time, seconds after an arbitrary origin; omit for an unknown time. */
  atS?: number;
  durationMs?: number;
  status: number;
  requestHeaders?: Header[];
  requestBody?: string;
  responseHeaders?: Header[];
  responseBody?: string;
}

const ORIGIN_MS = Date.parse('2026-11-20T09:30:00.000Z');

/** A hand-written exchange for rule edge cases that a fixture file would only obscure. */
export function exchange(spec: ExchangeSpec): Exchange {
  const startedMs = spec.atS === undefined ? 0 : ORIGIN_MS + spec.atS * 1000;
  const built: Exchange = {
    index: spec.index,
    method: spec.method ?? 'GET',
    url: spec.url,
    requestHeaders: spec.requestHeaders ?? [],
    status: spec.status,
    statusText: '',
    responseHeaders: spec.responseHeaders ?? [],
    mimeType: 'application/json',
    startedAt: new Date(startedMs).toISOString(),
    startedMs,
    durationMs: spec.durationMs ?? 100,
  };
  if (spec.requestBody !== undefined) built.requestBody = spec.requestBody;
  if (spec.responseBody !== undefined) built.responseBody = spec.responseBody;
  if (spec.status === 0) built.networkError = 'net::ERR_CONNECTION_RESET';
  return built;
}
