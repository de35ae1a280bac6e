import type { Category, ErrorClass, ProviderId, RetryVerdict } from '../diagnosis.ts';
import type { FindingKind } from '../finding.ts';

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
