import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';

/**
 * `{"error":{"code","message","details","request_id","timestamp"}}` (error-envelope.txt › "Error
 * Response Format"): `request_id` together with `timestamp` inside `error` is what sets it apart.
 */
export function readErrorEnvelope(json: unknown): ErrorBody | undefined {
  const error = asRecord(asRecord(json)?.['error']);
  const requestId = asText(error?.['request_id']);
  if (error === undefined || requestId === undefined || asText(error['timestamp']) === undefined)
    return undefined;
  return compactErrorBody({
    format: 'error-envelope',
    code: asText(error['code']),
    message: asText(error['message']),
    requestId,
    details: boundedCopy(error['details']),
  });
}
