import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { compactErrorBody } from './compact-error-body.ts';

/**
 * `{"error":{"type"|"code","message","param"}}` as OpenAI, Stripe and Persly send it
 * (persly.txt › "Error Response Format"); Stripe adds `doc_url`.
 */
export function readErrorObject(json: unknown): ErrorBody | undefined {
  const error = asRecord(asRecord(json)?.['error']);
  if (error === undefined) return undefined;
  const message = asText(error['message']);
  const code = asText(error['code']);
  const type = asText(error['type']);
  if (message === undefined && code === undefined && type === undefined) return undefined;
  return compactErrorBody({
    format: 'error-object',
    code,
    type,
    message,
    param: asText(error['param']),
    requestId: asText(error['request_id']) ?? asText(error['requestId']),
    docUrl: asText(error['doc_url']),
  });
}
