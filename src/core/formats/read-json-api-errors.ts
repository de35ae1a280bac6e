import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';

const MEMBERS = ['status', 'code', 'title', 'detail', 'source'];

/** JSON:API `links.about` is a link: a string or a link object with `href`. */
function linkOf(value: unknown): string | undefined {
  return asText(value) ?? asText(asRecord(value)?.['href']);
}

function pointerOf(source: Record<string, unknown> | undefined): string | undefined {
  return asText(source?.['pointer']) ?? asText(source?.['parameter']) ?? asText(source?.['header']);
}

function requestIdOf(body: Record<string, unknown>, first: Record<string, unknown>): string | undefined {
  const meta = asRecord(body['meta']);
  return asText(meta?.['request_id']) ?? asText(meta?.['requestId']) ?? asText(first['id']);
}

/** JSON:API error objects (https://jsonapi.org/format/#error-objects); the first one leads. */
export function readJsonApiErrors(json: unknown): ErrorBody | undefined {
  const body = asRecord(json);
  const errors = body?.['errors'];
  if (body === undefined || !Array.isArray(errors)) return undefined;
  const first = asRecord(errors[0]);
  if (first === undefined || !MEMBERS.some((member) => member in first)) return undefined;
  const links = asRecord(first['links']);
  return compactErrorBody({
    format: 'jsonapi',
    code: asText(first['code']) ?? asText(first['status']),
    title: asText(first['title']),
    message: asText(first['detail']),
    param: pointerOf(asRecord(first['source'])),
    requestId: requestIdOf(body, first),
    docUrl: linkOf(links?.['about']) ?? linkOf(links?.['type']),
    details: errors.length > 1 ? boundedCopy(errors) : undefined,
  });
}
