import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { headerValue } from '../header-value.ts';

/**
 * Response headers that carry the id a provider's support uses to find the request in its logs,
 * most specific first: the de-facto X-Request-Id family, AWS API Gateway / ALB / CloudFront,
 * Cloudflare's CF-Ray, GitHub, Azure, Google Cloud trace, Fly and Vercel.
 */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-amz-cf-id',
  'apigw-requestid',
  'x-github-request-id',
  'x-ms-request-id',
  'x-trace-id',
  'x-cloud-trace-context',
  'fly-request-id',
  'x-vercel-id',
  'cf-ray',
] as const;

/**
 * The request id to quote to support: the error body's own field first (error-envelope.txt ›
 * "Request Tracking": always include request_id), then a response header, then one the client sent.
 */
export function requestIdOf(
  exchange: Exchange,
  diagnosis: Diagnosis,
): { value: string; source: string } | undefined {
  const fromBody = diagnosis.error?.requestId;
  if (fromBody !== undefined && fromBody !== '') return { value: fromBody, source: 'response body' };
  for (const headers of [exchange.responseHeaders, exchange.requestHeaders])
    for (const name of REQUEST_ID_HEADERS) {
      const value = headerValue(headers, name);
      if (value !== undefined && value.trim() !== '') return { value: value.trim(), source: name };
    }
  return undefined;
}
