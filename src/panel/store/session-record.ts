import type { Diagnosis, ProviderId } from '../../core/diagnosis.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { HarEntry } from '../../core/har.ts';
import type { FailureRow } from '../../core/view/failure-row.ts';

/** One captured exchange as the panel keeps it. */
export interface SessionRecord {
  exchange: Exchange;
  /** The HAR entry as captured or imported, kept for the sanitized HAR export. */
  entry: HarEntry;
  /** Present for failures only (status >= 400, no response, GraphQL errors). */
  diagnosis?: Diagnosis;
  row?: FailureRow;
}

export type HostMap = Readonly<Record<string, ProviderId>>;
