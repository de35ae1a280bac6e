import { classify, type ClassifyOptions } from './classify.ts';
import { isHarEntry } from './is-har-entry.ts';
import { exchangeFromHarEntry } from './exchange-from-har-entry.ts';
import type { Har } from './har.ts';
import { isFailure } from './is-failure.ts';
import { SessionAnalyzer } from './session/session-analyzer.ts';
import { triageEntry } from './triage/triage-entry.ts';
import { triageFinding } from './triage/triage-finding.ts';
import type { TriageReport } from './triage/triage-report.ts';

export type { TriageEntry, TriageFinding, TriageReport } from './triage/triage-report.ts';

/**
 * Triage a parsed HAR the way the panel triages a live session: every exchange goes through the
 * session analyzer in file order (successes too, they carry rate-limit headroom), and only the
 * failures are classified and get a ticket, which keeps a 60,000-entry file cheap.
 */
export function triageHar(har: Har, options: ClassifyOptions = {}): TriageReport {
  const analyzer = new SessionAnalyzer();
  const entries: TriageReport['entries'] = [];
  har.log.entries.forEach((entry: unknown, index) => {
    if (!isHarEntry(entry)) return;
    const exchange = exchangeFromHarEntry(entry, index);
    const diagnosis = isFailure(exchange, options) ? classify(exchange, options) : undefined;
    analyzer.add(exchange, diagnosis);
    if (diagnosis !== undefined) entries.push(triageEntry(exchange, diagnosis));
  });
  return { entries, findings: analyzer.findings().map(triageFinding) };
}
