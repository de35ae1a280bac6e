import { classify } from '../../core/classify.ts';
import type { Diagnosis, ProviderId } from '../../core/diagnosis.ts';
import type { Exchange } from '../../core/exchange.ts';
import type { HarEntry } from '../../core/har.ts';
import { isFailure } from '../../core/is-failure.ts';
import { failureRow, type FailureRow } from '../../core/view/failure-row.ts';
import { exchangeFromCaptured } from '../../platform/capture/exchange-from-captured.ts';

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

/** Classify (or re-classify after a mapping change) a record; successes are left as they are. */
export function diagnosed(record: SessionRecord, hostMap: HostMap): SessionRecord {
  if (!isFailure(record.exchange)) return record;
  const diagnosis = classify(record.exchange, { hostMap });
  return { ...record, diagnosis, row: failureRow(record.exchange, diagnosis) };
}

/**
 * Entry → record. Bodies of successes are not kept (only failures need them, and memory is
 * bounded); a body cut to the limit is cut in the stored entry too, so both share one string.
 */
export function recordFromEntry(
  entry: HarEntry,
  index: number,
  maxBodyChars: number,
  hostMap: HostMap,
): SessionRecord {
  const exchange = exchangeFromCaptured(entry, index, { maxBodyChars });
  const record = diagnosed({ exchange, entry }, hostMap);
  if (record.diagnosis === undefined) delete exchange.responseBody;
  else if (exchange.responseBodyTruncated === true && entry.response?.content !== undefined) {
    const content = entry.response.content;
    if (typeof content.text === 'string' && content.text.length > maxBodyChars) {
      content.text = exchange.responseBody ?? '';
      delete content.encoding;
      content['_truncatedFrom'] = exchange.responseBodySize;
    }
  }
  return record;
}
