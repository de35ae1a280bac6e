import { classify, type ClassifyOptions } from '../../core/classify.ts';
import { isFailure } from '../../core/is-failure.ts';
import { failureRow } from '../../core/view/failure-row.ts';
import type { SessionRecord } from './session-record.ts';

/** Classify (or re-classify after a settings change) a record; successes are left as they are. */
export function diagnosed(record: SessionRecord, options: ClassifyOptions): SessionRecord {
  if (!isFailure(record.exchange, options)) return record;
  const diagnosis = classify(record.exchange, options);
  return { ...record, diagnosis, row: failureRow(record.exchange, diagnosis) };
}
