import { classify } from '../../core/classify.ts';
import { isFailure } from '../../core/is-failure.ts';
import { failureRow } from '../../core/view/failure-row.ts';
import type { HostMap, SessionRecord } from './session-record.ts';

/** Classify (or re-classify after a mapping change) a record; successes are left as they are. */
export function diagnosed(record: SessionRecord, hostMap: HostMap): SessionRecord {
  if (!isFailure(record.exchange)) return record;
  const diagnosis = classify(record.exchange, { hostMap });
  return { ...record, diagnosis, row: failureRow(record.exchange, diagnosis) };
}
