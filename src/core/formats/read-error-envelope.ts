import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';

// error-envelope.txt › "Error Code Categories": the machine-readable codes of its table.
const DOCUMENTED_CODES = new Set([
  'INVALID_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION_ERROR',
  'RATE_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
]);

/**
 * `{"error":{"code","message","details","request_id","timestamp"}}` (error-envelope.txt › "Error
 * Response Format"): `request_id` inside `error` is what sets it apart from the OpenAI/Stripe-style
 * `{error:{type,code,message,param}}`, together with either `timestamp` or one of the doc's own
 * codes — a proxy or an older server may leave the timestamp out.
 */
export function readErrorEnvelope(json: unknown): ErrorBody | undefined {
  const error = asRecord(asRecord(json)?.['error']);
  const requestId = asText(error?.['request_id']);
  if (error === undefined || requestId === undefined) return undefined;
  const code = asText(error['code']);
  const documented = code !== undefined && DOCUMENTED_CODES.has(code);
  if (asText(error['timestamp']) === undefined && !documented) return undefined;
  return compactErrorBody({
    format: 'error-envelope',
    code,
    message: asText(error['message']),
    requestId,
    details: boundedCopy(error['details']),
  });
}
