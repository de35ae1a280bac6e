import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';

/** RFC 9457 §3.1.1: `about:blank` (the default type) says nothing and is not a link worth showing. */
function docUrlOf(type: string | undefined): string | undefined {
  return type !== undefined && /^https?:\/\//i.test(type) ? type : undefined;
}

/** The member's pointer: RFC 9457's own example puts `pointer` in each `errors[]` entry. */
function pointerOf(body: Record<string, unknown>): string | undefined {
  const first = Array.isArray(body['errors']) ? asRecord(body['errors'][0]) : undefined;
  const invalid = Array.isArray(body['invalid-params']) ? asRecord(body['invalid-params'][0]) : undefined;
  return asText(body['pointer']) ?? asText(first?.['pointer']) ?? asText(invalid?.['name']);
}

function looksLikeProblem(body: Record<string, unknown>): boolean {
  const hasText = typeof body['title'] === 'string' || typeof body['detail'] === 'string';
  return hasText && (typeof body['type'] === 'string' || typeof body['status'] === 'number');
}

/**
 * RFC 9457 problem details: `type`, `title`, `detail`, `status`, `instance`, plus the common
 * extensions (`errors[].pointer`, `invalid-params`, `traceId`). Taken on the media type, or on the
 * shape when a server sends it as plain application/json.
 */
export function readProblemJson(json: unknown, mimeType: string): ErrorBody | undefined {
  const body = asRecord(json);
  if (body === undefined) return undefined;
  if (!/problem\+json/i.test(mimeType) && !looksLikeProblem(body)) return undefined;
  const type = asText(body['type']);
  return compactErrorBody({
    format: 'problem+json',
    type,
    title: asText(body['title']),
    message: asText(body['detail']),
    code: asText(body['code']),
    param: pointerOf(body),
    requestId: asText(body['request_id']) ?? asText(body['requestId']) ?? asText(body['traceId']),
    docUrl: docUrlOf(type),
    details: boundedCopy(body['errors'] ?? body['invalid-params']),
  });
}
