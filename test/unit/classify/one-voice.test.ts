import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { isHarEntry } from '../../../src/core/is-har-entry.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { resendPhrase, retryLine, scheduleText } from '../../../src/core/retry/index.ts';
import { SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';

// Issue 13, "One voice": the headline action, the Retry line and the session findings all say
// the same thing about whether and when to resend. Walked over every HAR fixture in the repository.
const ROOT = new URL('../../fixtures/', import.meta.url);
const HOST_MAP = {
  'api.privo.example': 'privo',
  'api.ranex.example': 'ranex',
  'api.envelope.example': 'error-envelope',
};
const TIMING = /\bresend (after|with backoff|now)\b|\bback off\b|\bwait \d/i;

function harFiles(dir: URL, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    if (item.isDirectory()) return harFiles(new URL(`${item.name}/`, dir), `${prefix}${item.name}/`);
    return item.name.endsWith('.har') ? [`${prefix}${item.name}`] : [];
  });
}

function exchangesOf(file: string): Exchange[] {
  const parsed = parseHar(readFileSync(new URL(file, ROOT), 'utf8'));
  if (!parsed.ok) return [];
  return parsed.har.log.entries.flatMap((entry: unknown, index) =>
    isHarEntry(entry) ? [exchangeFromHarEntry(entry, index)] : [],
  );
}

function checkAgreement(d: Diagnosis, where: string): void {
  const when = resendPhrase(d);
  const line = retryLine(d);
  if (d.retry === 'no') {
    expect(when, where).toBeUndefined();
    expect(line, where).toBe('no: do not resend it unchanged');
    expect(d.action, `${where}: a "no" carries no timing`).not.toMatch(TIMING);
    return;
  }
  if (when === undefined) throw new Error(`${where}: a ${d.retry} without timing`);
  expect(line, where).toContain(when);
  expect(d.action.toLowerCase(), where).toContain(when.toLowerCase());
  // The action states the timing once, and only the timing of the Retry line.
  expect(d.action.match(new RegExp(TIMING.source, 'gi'))?.length, `${where}: ${d.action}`).toBe(1);
  if (d.retry === 'conditional') {
    expect(d.action, where).toMatch(/^Only if /);
    expect(line, where).toMatch(/^only if /);
  } else {
    expect(d.action, where).not.toMatch(/\bonly if\b/i);
    expect(line, where).toMatch(/^yes: /);
  }
  if (d.retryAfterS !== undefined) {
    // A server-given delay beats the schedule: it is the first and only wait named.
    expect(when, where).toMatch(new RegExp(`^resend after ${d.retryAfterS} s \\(`));
    const schedule = scheduleText(d);
    if (schedule !== undefined) expect(d.action, where).not.toContain(schedule);
  } else if (d.backoffS.length > 0) {
    expect(when, where).toBe(`resend with backoff of ${scheduleText(d)}`);
  }
}

const files = harFiles(ROOT);

describe('one voice: headline, Retry line and verdict agree on every fixture', () => {
  it('walks a meaningful corpus', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s', (file) => {
    for (const exchange of exchangesOf(file)) {
      if (!isFailure(exchange)) continue;
      const where = `${file}#${exchange.index}`;
      checkAgreement(classify(exchange), where);
      checkAgreement(classify(exchange, { hostMap: HOST_MAP }), `${where} (mapped)`);
    }
  });

  it('findings about waiting quote the wait of the row they point at', () => {
    for (const file of files.filter((name) => name.startsWith('session/'))) {
      const analyzer = new SessionAnalyzer();
      const diagnoses = new Map<number, Diagnosis>();
      for (const exchange of exchangesOf(file)) {
        const d = isFailure(exchange) ? classify(exchange) : undefined;
        if (d !== undefined) diagnoses.set(exchange.index, d);
        analyzer.add(exchange, d);
      }
      for (const finding of analyzer.findings().filter((f) => f.kind === 'retry_before_wait')) {
        // The message describes the latest early retry: the wait its previous attempt was given.
        const previous = diagnoses.get(finding.entries.at(-2) ?? -1);
        expect(previous?.retryAfterS, file).toBeDefined();
        expect(finding.message, file).toContain(`${previous?.retryAfterS} s (${previous?.waitSource})`);
      }
    }
  });
});
