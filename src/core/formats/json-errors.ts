import type { ErrorBody } from '../diagnosis.ts';
import { graphqlErrors } from './graphql.ts';
import { asRecord, asText, boundedCopy, compactErrorBody } from './json-value.ts';

type Reader = (json: unknown) => ErrorBody | undefined;
type Picked = Pick<ErrorBody, 'type' | 'param' | 'requestId' | 'docUrl' | 'retryDelayS' | 'quotaFailure'>;
/** Fields may be explicitly undefined; `compactErrorBody` drops them. */
type DetailFields = { [K in keyof Picked]?: Picked[K] | undefined };

function firstOf(value: unknown): Record<string, unknown> | undefined {
  return Array.isArray(value) ? asRecord(value[0]) : undefined;
}

/**
 * A protobuf Duration as Google's JSON mapping writes it (`"30s"`, `"1.5s"`) or as an object
 * (`{seconds, nanos}`), in seconds.
 */
function googleDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const seconds = Number(record['seconds'] ?? 0);
  const nanos = Number(record['nanos'] ?? 0);
  return Number.isFinite(seconds) && Number.isFinite(nanos) ? seconds + nanos / 1e9 : undefined;
}

/** What one google.rpc detail message adds (https://google.aip.dev/193#error_details). */
function readGoogleDetail(detail: Record<string, unknown>, into: DetailFields): void {
  const kind = String(detail['@type'] ?? '').replace(/^.*\//, '');
  if (kind === 'google.rpc.ErrorInfo') into.type ??= asText(detail['reason']);
  if (kind === 'google.rpc.RetryInfo') into.retryDelayS ??= googleDurationSeconds(detail['retryDelay']);
  if (kind === 'google.rpc.QuotaFailure') into.quotaFailure = true;
  if (kind === 'google.rpc.BadRequest') into.param ??= asText(firstOf(detail['fieldViolations'])?.['field']);
  if (kind === 'google.rpc.RequestInfo') into.requestId ??= asText(detail['requestId']);
  if (kind === 'google.rpc.Help') into.docUrl ??= asText(firstOf(detail['links'])?.['url']);
}

function readGoogleDetails(details: unknown): DetailFields {
  const fields: DetailFields = {};
  if (!Array.isArray(details)) return fields;
  for (const item of details.slice(0, 20)) {
    const detail = asRecord(item);
    if (detail !== undefined) readGoogleDetail(detail, fields);
  }
  return fields;
}

/**
 * Google's `{"error":{"code":429,"message","status":"RESOURCE_EXHAUSTED","details":[…]}}`
 * (https://google.aip.dev/193) and the older JSON API format whose `error.errors[]` carries
 * `{domain, reason, message}` (https://developers.google.com/workspace/drive/api/guides/handle-errors).
 * `status` (the google.rpc.Code name) is the code; ErrorInfo's reason or the legacy `reason` the type.
 */
const readGoogleError: Reader = (json) => {
  const error = asRecord(asRecord(json)?.['error']);
  if (error === undefined) return undefined;
  const status = asText(error['status']);
  const legacy = firstOf(error['errors']);
  const reason = asText(legacy?.['reason']);
  const validStatus = status !== undefined && /^[A-Z_]+$/.test(status);
  if (!validStatus && (reason === undefined || typeof error['code'] !== 'number')) return undefined;
  const details = readGoogleDetails(error['details']);
  return compactErrorBody({
    format: 'google',
    code: validStatus ? status : undefined,
    message: asText(error['message']) ?? asText(legacy?.['message']),
    ...details,
    type: details.type ?? reason,
    details: boundedCopy(error['details'] ?? error['errors']),
  });
};

// error-envelope.txt › "Error Code Categories": the machine-readable codes of its table.
const ENVELOPE_CODES = new Set([
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
 * Response Format"): `request_id` inside `error` sets it apart from the OpenAI/Stripe-style
 * `{error:{type,code,message,param}}`, together with either `timestamp` or one of the doc's own
 * codes — a proxy or an older server may leave the timestamp out.
 */
const readErrorEnvelope: Reader = (json) => {
  const error = asRecord(asRecord(json)?.['error']);
  const requestId = asText(error?.['request_id']);
  if (error === undefined || requestId === undefined) return undefined;
  const code = asText(error['code']);
  const documented = code !== undefined && ENVELOPE_CODES.has(code);
  if (asText(error['timestamp']) === undefined && !documented) return undefined;
  return compactErrorBody({
    format: 'error-envelope',
    code,
    message: asText(error['message']),
    requestId,
    details: boundedCopy(error['details']),
  });
};

/**
 * `{"error":{"type"|"code","message","param"}}` as OpenAI, Anthropic, Stripe and Persly send it
 * (persly.txt › "Error Response Format"); Stripe adds `doc_url`, Anthropic a top-level
 * `request_id`, Microsoft Graph `innerError.request-id`
 * (https://learn.microsoft.com/en-us/graph/errors#error-resource-type).
 */
const readErrorObject: Reader = (json) => {
  const body = asRecord(json);
  const error = asRecord(body?.['error']);
  if (body === undefined || error === undefined) return undefined;
  const message = asText(error['message']);
  const code = asText(error['code']);
  const type = asText(error['type']);
  if (message === undefined && code === undefined && type === undefined) return undefined;
  const inner = asRecord(error['innerError']) ?? asRecord(error['innererror']);
  return compactErrorBody({
    format: 'error-object',
    code,
    type,
    message,
    param: asText(error['param']),
    requestId:
      asText(error['request_id']) ??
      asText(error['requestId']) ??
      asText(body['request_id']) ??
      asText(inner?.['request-id']),
    docUrl: asText(error['doc_url']),
  });
};

/** RFC 6749 §5.2 `{"error":"invalid_grant","error_description"}`, also common outside OAuth. */
const readOauthError: Reader = (json) => {
  const body = asRecord(json);
  const code = asText(body?.['error']);
  if (body === undefined || code === undefined) return undefined;
  // Slack's Web API answers `{"ok": false, "error": "invalid_auth"}`
  // (https://docs.slack.dev/apis/web-api/#responses): the same two fields under another contract.
  return compactErrorBody({
    format: body['ok'] === false ? 'ok-false' : 'oauth',
    code,
    message: asText(body['error_description']) ?? asText(body['message']),
    docUrl: asText(body['error_uri']),
  });
};

/**
 * Persona's `{"errors":[{"title","details"}]}` (persona.txt › "Error codes"): JSON:API-like, but
 * with `details` where JSON:API has `detail`, which is what tells the two apart.
 */
const readPersonaErrors: Reader = (json) => {
  const errors = asRecord(json)?.['errors'];
  const first = firstOf(errors);
  if (first === undefined || typeof first['title'] !== 'string' || !('details' in first)) return undefined;
  const details = first['details'];
  return compactErrorBody({
    format: 'persona-errors',
    title: asText(first['title']),
    message: asText(details),
    details:
      (Array.isArray(errors) && errors.length > 1) || typeof details === 'object'
        ? boundedCopy(errors)
        : undefined,
  });
};

/** A GraphQL error `path` (`["user", 0, "email"]`) as `user.0.email`. */
function graphqlPath(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return asText(
    value
      .slice(0, 20)
      .filter((part) => typeof part !== 'object')
      .join('.'),
  );
}

/**
 * GraphQL `errors[]` (GraphQL spec §7.1.2, also inside 200 responses). The code is the de-facto
 * `extensions.code` (Apollo, Shopify's `THROTTLED`), graphql-java's `classification`, or GitHub's
 * `type` (`NOT_FOUND`, `RATE_LIMITED`: https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 */
const readGraphqlErrors: Reader = (json) => {
  const errors = graphqlErrors(json);
  const first = errors?.[0];
  if (errors === undefined || first === undefined) return undefined;
  const extensions = asRecord(first['extensions']);
  return compactErrorBody({
    format: 'graphql',
    code: asText(extensions?.['code']) ?? asText(extensions?.['classification']) ?? asText(first['type']),
    message: asText(first['message']),
    param: graphqlPath(first['path']),
    requestId: asText(extensions?.['requestId']) ?? asText(extensions?.['request_id']),
    docUrl: asText(extensions?.['documentation']),
    details: errors.length > 1 ? boundedCopy(errors) : undefined,
  });
};

/**
 * Cloudflare's API envelope `{"success": false, "errors": [{"code": 1003, "message"}], "messages",
 * "result"}` (https://developers.cloudflare.com/fundamentals/api/reference/) — checked before
 * JSON:API, whose `errors[]` it resembles.
 */
const readSuccessFalse: Reader = (json) => {
  const body = asRecord(json);
  const first = firstOf(body?.['errors']);
  if (body?.['success'] !== false || first === undefined) return undefined;
  return compactErrorBody({
    format: 'success-false',
    code: asText(first['code']),
    message: asText(first['message']),
    docUrl: asText(first['documentation_url']),
    details: boundedCopy(body['errors']),
  });
};

const JSON_API_MEMBERS = ['status', 'code', 'title', 'detail', 'source'];

/** JSON:API `links.about` is a link: a string or a link object with `href`. */
function linkOf(value: unknown): string | undefined {
  return asText(value) ?? asText(asRecord(value)?.['href']);
}

/** JSON:API error objects (https://jsonapi.org/format/#error-objects); the first one leads. */
const readJsonApiErrors: Reader = (json) => {
  const body = asRecord(json);
  const errors = body?.['errors'];
  const first = firstOf(errors);
  if (body === undefined || first === undefined || !JSON_API_MEMBERS.some((member) => member in first))
    return undefined;
  const links = asRecord(first['links']);
  const source = asRecord(first['source']);
  const meta = asRecord(body['meta']);
  return compactErrorBody({
    format: 'jsonapi',
    code: asText(first['code']) ?? asText(first['status']),
    title: asText(first['title']),
    message: asText(first['detail']),
    param: asText(source?.['pointer']) ?? asText(source?.['parameter']) ?? asText(source?.['header']),
    requestId: asText(meta?.['request_id']) ?? asText(meta?.['requestId']) ?? asText(first['id']),
    docUrl: linkOf(links?.['about']) ?? linkOf(links?.['type']),
    details: Array.isArray(errors) && errors.length > 1 ? boundedCopy(errors) : undefined,
  });
};

/** The member's pointer: RFC 9457's own example puts `pointer` in each `errors[]` entry. */
function problemPointer(body: Record<string, unknown>): string | undefined {
  const first = firstOf(body['errors']);
  const invalid = firstOf(body['invalid-params']);
  return asText(body['pointer']) ?? asText(first?.['pointer']) ?? asText(invalid?.['name']);
}

/**
 * RFC 9457 problem details: `type`, `title`, `detail`, `status`, `instance`, plus the common
 * extensions (`errors[].pointer`, `invalid-params`, `traceId`). Taken on the media type, or on the
 * shape when a server sends it as plain application/json.
 */
export function readProblemJson(json: unknown, declared: boolean): ErrorBody | undefined {
  const body = asRecord(json);
  if (body === undefined) return undefined;
  const hasText = typeof body['title'] === 'string' || typeof body['detail'] === 'string';
  const shaped = hasText && (typeof body['type'] === 'string' || typeof body['status'] === 'number');
  if (!declared && !shaped) return undefined;
  const type = asText(body['type']);
  return compactErrorBody({
    format: 'problem+json',
    type,
    title: asText(body['title']),
    message: asText(body['detail']),
    code: asText(body['code']),
    param: problemPointer(body),
    requestId: asText(body['request_id']) ?? asText(body['requestId']) ?? asText(body['traceId']),
    // RFC 9457 §3.1.1: `about:blank` (the default type) says nothing and is not a link worth showing.
    docUrl: type !== undefined && /^https?:\/\//i.test(type) ? type : undefined,
    details: boundedCopy(body['errors'] ?? body['invalid-params']),
  });
}

/**
 * AWS JSON protocols put the error's shape name in `__type` (or `code`), with a namespace before
 * `#` or a URI after `:` to strip (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization).
 */
const readAwsError: Reader = (json) => {
  const body = asRecord(json);
  const raw = asText(body?.['__type']);
  if (body === undefined || raw === undefined) return undefined;
  return compactErrorBody({
    format: 'aws',
    code: raw.replace(/^.*#/, '').replace(/:.*$/, ''),
    message: asText(body['message']) ?? asText(body['Message']),
  });
};

/**
 * A bare `{"message": "…"}` (ranex.txt › "Error handling", Amazon API Gateway), with the usual
 * optional companions; Twilio adds a numeric `code` and a `more_info` link
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
 */
const readMessageBody: Reader = (json) => {
  const body = asRecord(json);
  const message = asText(body?.['message']) ?? asText(body?.['Message']);
  if (body === undefined || message === undefined) return undefined;
  return compactErrorBody({
    format: 'message',
    message,
    code: asText(body['code']) ?? asText(body['error_code']) ?? asText(body['errorCode']),
    requestId: asText(body['request_id']) ?? asText(body['requestId']) ?? asText(body['traceId']),
    docUrl: asText(body['more_info']),
  });
};

// Most specific shape first: Google's and the envelope's `error` objects are special cases of the
// generic `{error:{…}}`; Cloudflare's `success:false` envelope would otherwise pass for GraphQL (its
// errors have a message), Persona's `errors[{title,details}]` and GraphQL's `errors[{message}]` for
// JSON:API; a bare `{message}` is the last resort.
const READERS: readonly Reader[] = [
  readGoogleError,
  readErrorEnvelope,
  readErrorObject,
  readOauthError,
  readPersonaErrors,
  readSuccessFalse,
  readGraphqlErrors,
  readJsonApiErrors,
  (json) => readProblemJson(json, false),
  readAwsError,
  readMessageBody,
];

/** The error in a parsed JSON body, in the first format that recognises it. */
export function readJsonError(json: unknown, mimeType: string): ErrorBody | undefined {
  // A declared problem+json media type outranks any shape guess (RFC 9457 §3).
  if (/problem\+json/i.test(mimeType)) return readProblemJson(json, true);
  for (const read of READERS) {
    const error = read(json);
    if (error !== undefined) return error;
  }
  return undefined;
}
