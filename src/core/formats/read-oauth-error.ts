import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { compactErrorBody } from './compact-error-body.ts';

/** RFC 6749 §5.2 `{"error":"invalid_grant","error_description"}`, also common outside OAuth. */
export function readOauthError(json: unknown): ErrorBody | undefined {
  const body = asRecord(json);
  const code = asText(body?.['error']);
  if (body === undefined || code === undefined) return undefined;
  return compactErrorBody({
    format: 'oauth',
    code,
    message: asText(body['error_description']) ?? asText(body['message']),
    docUrl: asText(body['error_uri']),
  });
}
