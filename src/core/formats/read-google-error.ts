import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';
import { readGoogleDetails } from './read-google-details.ts';

/**
 * Google's `{"error":{"code":429,"message","status":"RESOURCE_EXHAUSTED","details":[…]}}`
 * (AIP-193); `status` (the google.rpc.Code name) is the code, the details fill the rest.
 */
export function readGoogleError(json: unknown): ErrorBody | undefined {
  const error = asRecord(asRecord(json)?.['error']);
  const status = asText(error?.['status']);
  if (error === undefined || status === undefined || !/^[A-Z_]+$/.test(status)) return undefined;
  return compactErrorBody({
    format: 'google',
    code: status,
    message: asText(error['message']),
    ...readGoogleDetails(error['details']),
    details: boundedCopy(error['details']),
  });
}
