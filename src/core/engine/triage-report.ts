import type { ClassifyOptions } from '../classify.ts';
import type { Category, Diagnosis, ErrorClass, ProviderId, RetryVerdict } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import type { Finding, FindingKind } from '../finding.ts';
import type { Har } from '../har.ts';
import { ticketText } from '../ticket/index.ts';
import { KEEP_NOTHING } from '../retention.ts';
import { TriageEngine } from './triage-engine.ts';

/**
 * The CLI's report, key for key as DESIGN.md "CLI contract (triage and sanitize)" fixes it. The
 * snake_case names and the key order are part of that contract: scripts parse `--json` output.
 */
export interface TriageEntry {
  /** Position in `log.entries`. */
  index: number;
  method: string;
  /** 0 when no response arrived. */
  status: number;
  provider: ProviderId;
  class: ErrorClass;
  category: Category;
  retry: RetryVerdict;
  /** The server-given wait in seconds; null when the response named none. */
  retry_after_s: number | null;
  backoff_s: number[];
  action: string;
  /** The redacted plain-text support ticket. */
  ticket: string;
}

export interface TriageFinding {
  kind: FindingKind;
  entries: number[];
  message: string;
}

export interface TriageReport {
  entries: TriageEntry[];
  findings: TriageFinding[];
}

/** One failed exchange as the CLI reports it; the object literal fixes the contract's key order. */
export function triageEntry(exchange: Exchange, diagnosis: Diagnosis): TriageEntry {
  return {
    index: exchange.index,
    method: exchange.method,
    status: exchange.status,
    provider: diagnosis.provider,
    class: diagnosis.class,
    category: diagnosis.category,
    retry: diagnosis.retry,
    retry_after_s: diagnosis.retryAfterS ?? null,
    backoff_s: [...diagnosis.backoffS],
    action: diagnosis.action,
    ticket: ticketText(exchange, diagnosis),
  };
}

/** A session finding with exactly the keys the CLI contract lists (no id, no doc reference). */
export function triageFinding(finding: Finding): TriageFinding {
  return { kind: finding.kind, entries: [...finding.entries], message: finding.message };
}

/**
 * Triage a parsed HAR: its entries fed to the engine in file order, keeping nothing (each failure
 * is reported as it comes, so memory does not grow with the file), findings read at the end.
 */
export function triageHar(har: Har, options: ClassifyOptions = {}): TriageReport {
  const engine = new TriageEngine({ classify: options, retention: KEEP_NOTHING });
  const entries: TriageEntry[] = [];
  har.log.entries.forEach((entry: unknown, index) => {
    const record = engine.addEntry(entry, index);
    if (record?.diagnosis !== undefined) entries.push(triageEntry(record.exchange, record.diagnosis));
  });
  return { entries, findings: engine.findings().map(triageFinding) };
}
