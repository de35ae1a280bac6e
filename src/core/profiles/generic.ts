import type { Category } from '../diagnosis.ts';
import type { DocCitation, ProfileDocument, RuleDocument } from './profile-format.ts';

const rfc9110 = (section: string, anchor: string): DocCitation => ({
  title: 'RFC 9110 HTTP Semantics',
  section,
  url: `https://www.rfc-editor.org/rfc/rfc9110#section-${anchor}`,
});
const RFC6585_429: DocCitation = {
  title: 'RFC 6585 Additional HTTP Status Codes',
  section: '4. 429 Too Many Requests',
  url: 'https://www.rfc-editor.org/rfc/rfc6585#section-4',
};
const RATELIMIT_DRAFT = (section: string): DocCitation => ({
  title: 'IETF draft-ietf-httpapi-ratelimit-headers',
  section,
  url: 'https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/',
});
// Apollo Server's built-in codes are the de-facto `extensions.code` vocabulary; NOT_FOUND and
// RATE_LIMITED are GitHub's GraphQL `type`s, THROTTLED is Shopify's code.
const APOLLO: DocCitation = {
  title: 'Apollo Server error handling',
  section: 'Built-in error codes',
  url: 'https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes',
};
const GITHUB_GRAPHQL: DocCitation = {
  title: 'GitHub GraphQL API rate limits',
  section: 'Exceeding the rate limit',
  url: 'https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#exceeding-the-rate-limit',
};
const GRAPHQL_RESPONSE: DocCitation = {
  title: 'GraphQL specification',
  section: '7.1.2 Errors',
  url: 'https://spec.graphql.org/October2021/#sec-Errors',
};
const EVENT_STREAM: DocCitation = {
  title: 'HTML Living Standard',
  section: '9.2 Server-sent events',
  url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html',
};
const IDEMPOTENT: DocCitation = rfc9110('9.2.2 Idempotent Methods', '9.2.2');

/**
 * The default schedule for a retry whose provider documents none: truncated exponential backoff from
 * 1 s, doubling, each wait under a 32 s ceiling, with random jitter, as Google documents it for its
 * APIs (https://developers.google.com/workspace/drive/api/guides/limits#exponential-backoff), the
 * most widely published form of the algorithm; RFC 9110 itself prescribes no schedule.
 */
export const DEFAULT_BACKOFF = { initialS: 1, factor: 2, count: 5, capS: 32, jitter: true } as const;

// Codes that mean a plan or billing limit, not a per-window rate: waiting does not help (OpenAI's
// `insufficient_quota`, Persly's `quota_exceeded`, Google's legacy `dailyLimitExceeded`…). With a
// server-given delay the rules below let the 429/403 rules win instead: the server knows the window.
const QUOTA_CODES = [
  'insufficient_quota',
  'quota_exceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
  'billing_hard_limit_reached',
];
const REFUSED = 'This request is refused as sent; resending it unchanged gets the same answer.';
const INDETERMINATE = 'The server failed while handling the request, so whether it took effect is unknown.';
const UNSAFE =
  'repeating it is harmless: the first attempt may already have taken effect, and without an idempotency key the server cannot tell a repeat from a new request';
const QUOTA_ACTION =
  'A quota or billing limit is used up; raise the plan or the limit, since waiting will not clear it.';

const refused = (
  id: string,
  status: number,
  category: Category,
  action: string,
  doc: DocCitation,
): RuleDocument => ({
  id,
  when: { status: [status] },
  then: { category, retry: 'no', idempotencyKey: 'new', action },
  doc,
});

const indeterminate = (
  id: string,
  status: number,
  category: Category,
  action: string,
  doc: DocCitation,
): RuleDocument => ({
  id,
  when: { status: [status] },
  then: { category, retry: 'when-idempotent', condition: UNSAFE, idempotencyKey: 'same', action },
  doc,
});

const graphql = (
  id: string,
  codes: string[],
  category: Category,
  action: string,
  doc: DocCitation,
): RuleDocument => ({
  id,
  when:
    codes.length === 0
      ? { status: ['2xx'], bodyFormat: ['graphql'] }
      : { status: ['2xx'], bodyFormat: ['graphql'], code: codes },
  then: {
    category,
    retry: 'no',
    idempotencyKey: 'new',
    action: `The GraphQL response reports an error despite its 2xx status. ${action}`,
  },
  doc,
});

/**
 * The baseline every provider inherits for whatever its own doc does not say (DESIGN.md "The
 * documented policy", built on the HTTP standards): first match wins. Written in the profile format
 * like every built-in, so a team's profile can be read against it.
 */
export const GENERIC: ProfileDocument = {
  formatVersion: 1,
  id: 'generic',
  name: 'Generic HTTP API',
  docTitle: 'HTTP standards (RFC 9110 and related)',
  recognize: {},
  retryHeaders: ['x-should-retry', 'Stripe-Should-Retry'],
  backoff: DEFAULT_BACKOFF,
  rules: [
    {
      id: 'network',
      when: { status: [0] },
      then: {
        category: 'network_error',
        retry: 'when-idempotent',
        condition: UNSAFE,
        idempotencyKey: 'same',
        action:
          'No response arrived, so whether the server acted is unknown; repeat with the same idempotency key and parameters, if one was sent.',
      },
      doc: IDEMPOTENT,
    },
    {
      id: 'graphql-rate-limited',
      when: { bodyFormat: ['graphql'], code: ['RATE_LIMITED', 'THROTTLED'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'The GraphQL API is limiting the request rate whatever the HTTP status says; slow down.',
      },
      doc: GITHUB_GRAPHQL,
    },
    {
      id: 'problem-rate-limited',
      when: {
        type: [
          'https://iana.org/assignments/http-problem-types#quota-exceeded',
          'https://iana.org/assignments/http-problem-types#abnormal-usage-detected',
          'https://tools.ietf.org/html/rfc6585#section-4',
          'https://datatracker.ietf.org/doc/html/rfc6585#section-4',
          'https://www.rfc-editor.org/rfc/rfc6585#section-4',
        ],
      },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'The problem type says a rate limit was exceeded, whatever the status; slow down.',
      },
      doc: RATELIMIT_DRAFT('Problem Types › Quota Exceeded'),
    },
    {
      id: 'problem-reduced-capacity',
      when: { type: ['https://iana.org/assignments/http-problem-types#temporary-reduced-capacity'] },
      then: {
        category: 'service_unavailable',
        retry: 'when-idempotent',
        condition: UNSAFE,
        idempotencyKey: 'same',
        action: 'The server is shedding load for a while; it lowered its quota temporarily.',
      },
      doc: RATELIMIT_DRAFT('Problem Types › Temporary Reduced Capacity'),
    },
    ...(['code', 'type'] as const).map((field): RuleDocument => ({
      id: `quota-${field}`,
      when: { status: [429, 403], [field]: QUOTA_CODES, serverWait: false },
      then: { category: 'quota_exceeded', retry: 'no', idempotencyKey: 'none', action: QUOTA_ACTION },
      doc: RFC6585_429,
    })),
    {
      id: 'quota-failure',
      when: { status: [429, 403], has: ['quotaFailure'], serverWait: false },
      then: { category: 'quota_exceeded', retry: 'no', idempotencyKey: 'none', action: QUOTA_ACTION },
      doc: {
        title: 'Google AIP-193 Errors',
        section: 'Error details › QuotaFailure',
        url: 'https://google.aip.dev/193#error_details',
      },
    },
    {
      id: '429',
      when: { status: [429] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'The server is limiting the request rate; pace requests below the limit.',
      },
      doc: RFC6585_429,
    },
    {
      id: '403-exhausted',
      when: { status: [403], rateLimitExhausted: true },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action:
          'The rate-limit headers show nothing left in the window: this 403 is a rate limit, not a permission problem.',
      },
      doc: RATELIMIT_DRAFT('RateLimit Field'),
    },
    {
      id: '403-retry-after',
      when: { status: [403], responseHeaders: { 'retry-after': '' } },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'A 403 that names a Retry-After is a temporary block, not a permission problem.',
      },
      doc: rfc9110('10.2.3 Retry-After', '10.2.3'),
    },
    {
      id: '408',
      when: { status: [408] },
      then: {
        category: 'client_error',
        retry: 'yes',
        idempotencyKey: 'same',
        action: 'The server gave up waiting for the request to arrive; a faster connection helps.',
      },
      doc: rfc9110('15.5.9 408 Request Timeout', '15.5.9'),
    },
    refused(
      '400',
      400,
      'bad_request',
      'The server rejected the request as malformed: fix it before sending it again.',
      rfc9110('15.5.1 400 Bad Request', '15.5.1'),
    ),
    refused(
      '401',
      401,
      'unauthorized',
      'Check the credentials: the key or token is missing, wrong, expired or revoked.',
      rfc9110('15.5.2 401 Unauthorized', '15.5.2'),
    ),
    refused(
      '403',
      403,
      'forbidden',
      'The credentials are valid but lack permission for this call; change access, not timing.',
      rfc9110('15.5.4 403 Forbidden', '15.5.4'),
    ),
    refused(
      '404',
      404,
      'not_found',
      'Check the URL and the identifier in it; the resource may not exist yet or any more.',
      rfc9110('15.5.5 404 Not Found', '15.5.5'),
    ),
    refused(
      '409',
      409,
      'conflict',
      'Reload the resource and reconcile with its current state before trying again.',
      rfc9110('15.5.10 409 Conflict', '15.5.10'),
    ),
    refused(
      '422',
      422,
      'unprocessable',
      'Correct the values the server rejected; the request was well-formed but not acceptable.',
      rfc9110('15.5.21 422 Unprocessable Content', '15.5.21'),
    ),
    {
      id: '4xx',
      when: { status: ['4xx'] },
      then: { category: 'client_error', retry: 'no', idempotencyKey: 'new', action: REFUSED },
      doc: rfc9110('15.5 Client Error 4xx', '15.5'),
    },
    {
      id: '501',
      when: { status: [501] },
      then: {
        category: 'server_error',
        retry: 'no',
        idempotencyKey: 'none',
        action: 'The server does not implement this method or feature; resending will not change that.',
      },
      doc: rfc9110('15.6.2 501 Not Implemented', '15.6.2'),
    },
    indeterminate(
      '500',
      500,
      'server_error',
      INDETERMINATE,
      rfc9110('15.6.1 500 Internal Server Error', '15.6.1'),
    ),
    indeterminate(
      '502',
      502,
      'bad_gateway',
      'A gateway got no valid answer from the server behind it, which may or may not have acted.',
      rfc9110('15.6.3 502 Bad Gateway', '15.6.3'),
    ),
    indeterminate(
      '503',
      503,
      'service_unavailable',
      'The service is temporarily unable to handle requests.',
      rfc9110('15.6.4 503 Service Unavailable', '15.6.4'),
    ),
    indeterminate(
      '504',
      504,
      'gateway_timeout',
      'A gateway gave up waiting for the server behind it, which may still have acted.',
      rfc9110('15.6.5 504 Gateway Timeout', '15.6.5'),
    ),
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        category: 'server_error',
        retry: 'when-idempotent',
        condition: UNSAFE,
        idempotencyKey: 'same',
        action: INDETERMINATE,
      },
      doc: rfc9110('15.6 Server Error 5xx', '15.6'),
    },
    graphql(
      'graphql-not-found',
      ['NOT_FOUND'],
      'not_found',
      'The object it names does not exist or is not visible to these credentials.',
      GRAPHQL_RESPONSE,
    ),
    graphql('graphql-unauthenticated', ['UNAUTHENTICATED'], 'unauthorized', 'Check the credentials.', APOLLO),
    graphql(
      'graphql-forbidden',
      ['FORBIDDEN'],
      'forbidden',
      'The credentials lack permission for this operation.',
      APOLLO,
    ),
    graphql(
      'graphql-bad-input',
      [
        'BAD_USER_INPUT',
        'BAD_REQUEST',
        'GRAPHQL_PARSE_FAILED',
        'GRAPHQL_VALIDATION_FAILED',
        'PERSISTED_QUERY_NOT_FOUND',
      ],
      'bad_request',
      'Fix the query or its variables.',
      APOLLO,
    ),
    {
      id: 'graphql-internal',
      when: { status: ['2xx'], bodyFormat: ['graphql'], code: ['INTERNAL_SERVER_ERROR'] },
      then: {
        category: 'server_error',
        retry: 'when-idempotent',
        condition: UNSAFE,
        idempotencyKey: 'same',
        action: `The GraphQL server failed despite the 2xx status. ${INDETERMINATE}`,
      },
      doc: APOLLO,
    },
    graphql('graphql', [], 'client_error', 'Read its message before sending it again.', GRAPHQL_RESPONSE),
    {
      id: 'event-stream',
      when: { status: ['2xx'], bodyFormat: ['event-stream'] },
      then: {
        category: 'server_error',
        retry: 'when-idempotent',
        condition: UNSAFE,
        idempotencyKey: 'same',
        action:
          'The stream started with a 2xx status and then carried an error event, so the response is incomplete.',
      },
      doc: EVENT_STREAM,
    },
    {
      id: '2xx',
      when: { status: ['2xx'] },
      then: {
        category: 'client_error',
        retry: 'no',
        idempotencyKey: 'none',
        action: 'The body reports an error despite the 2xx status; read it before sending the request again.',
      },
      doc: rfc9110('15.3 Successful 2xx', '15.3'),
    },
  ],
};
