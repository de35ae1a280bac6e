import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { googleDurationSeconds } from './google-duration-seconds.ts';

type Picked = Pick<ErrorBody, 'type' | 'param' | 'requestId' | 'docUrl' | 'retryDelayS' | 'quotaFailure'>;
/** Fields may be explicitly undefined; `compactErrorBody` drops them. */
type DetailFields = { [K in keyof Picked]?: Picked[K] | undefined };

function firstOf(value: unknown): Record<string, unknown> | undefined {
  return Array.isArray(value) ? asRecord(value[0]) : undefined;
}

/** What one google.rpc detail message adds (https://cloud.google.com/apis/design/errors#error_details). */
function readDetail(detail: Record<string, unknown>, into: DetailFields): void {
  const kind = String(detail['@type'] ?? '').replace(/^.*\//, '');
  if (kind === 'google.rpc.ErrorInfo') into.type ??= asText(detail['reason']);
  if (kind === 'google.rpc.RetryInfo') {
    into.retryDelayS ??= googleDurationSeconds(detail['retryDelay']);
  }
  if (kind === 'google.rpc.QuotaFailure') into.quotaFailure = true;
  if (kind === 'google.rpc.BadRequest') into.param ??= asText(firstOf(detail['fieldViolations'])?.['field']);
  if (kind === 'google.rpc.RequestInfo') into.requestId ??= asText(detail['requestId']);
  if (kind === 'google.rpc.Help') into.docUrl ??= asText(firstOf(detail['links'])?.['url']);
}

/** The fields Google's standard error details carry: ErrorInfo, RetryInfo, QuotaFailure, BadRequest… */
export function readGoogleDetails(details: unknown): DetailFields {
  const fields: DetailFields = {};
  if (!Array.isArray(details)) return fields;
  for (const item of details.slice(0, 20)) {
    const detail = asRecord(item);
    if (detail !== undefined) readDetail(detail, fields);
  }
  return fields;
}
