import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { compactErrorBody } from './compact-error-body.ts';

/** A bare `{"message": "…"}` (ranex.txt › "Error handling"), with the usual optional companions. */
export function readMessageBody(json: unknown): ErrorBody | undefined {
  const body = asRecord(json);
  const message = asText(body?.['message']);
  if (body === undefined || message === undefined) return undefined;
  return compactErrorBody({
    format: 'message',
    message,
    code: asText(body['code']) ?? asText(body['error_code']) ?? asText(body['errorCode']),
    requestId: asText(body['request_id']) ?? asText(body['requestId']) ?? asText(body['traceId']),
  });
}
