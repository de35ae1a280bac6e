import type { Exchange } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { asRecord, MAX_JSON_PARSE_CHARS, parseJsonBody } from './json-value.ts';

/**
 * The `errors` array of a GraphQL response (GraphQL over HTTP, §7.1.2: each error has a `message`),
 * or undefined. Servers answer 200 with `errors[]` for failed operations, so this is what makes such
 * a response a failure.
 */
export function graphqlErrors(value: unknown): Record<string, unknown>[] | undefined {
  const errors = asRecord(value)?.['errors'];
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = asRecord(errors[0]);
  if (first === undefined || typeof first['message'] !== 'string') return undefined;
  return errors.map((error) => asRecord(error) ?? {});
}

// GraphQL over HTTP §7.1.2 recommends `errors` first when present, so a response too large to
// parse (or cut short) still shows it at the very start.
const ERRORS_FIRST = /^\s*\{\s*"errors"\s*:\s*\[\s*\{/;

/** Whether unparsed GraphQL response text opens with a non-empty `errors` array. */
export function startsWithGraphqlErrors(text: string): boolean {
  return ERRORS_FIRST.test(text.slice(0, 1024));
}

// ---------------------------------------------------------------------------------------------
// Recognising a GraphQL request before its response body is known. Live capture reads a 2xx body
// only where a failure can hide (is-failure.ts `failureCanHideIn2xx`), and a GraphQL failure hides
// in a 200 (GraphQL over HTTP, §"Status Codes" › "application/json": the server SHOULD answer 200
// whatever errors were raised). A false "yes" costs one body read; a false "no" loses a failure, so
// every sign a real client gives counts, but none that plain REST traffic gives by itself.
// Spec: https://graphql.github.io/graphql-over-http/draft/ (sections named below).

/**
 * Media types that only GraphQL uses: `application/graphql-response+json` (§"Media Types"; a
 * client SHOULD list it in `Accept`, §"Accept"; a server answers with it, §"Body"), and the request
 * types `application/graphql` (graphql.org "Serving over HTTP", older servers) and
 * `application/graphql+json` (earlier drafts of the spec).
 */
const GRAPHQL_MEDIA = /application\/graphql(?:[+\-;,\s]|$)/i;

/**
 * Whether a string is the source text of an executable GraphQL document (GraphQL spec §2.2
 * "Document", §2.3 "Operations", §2.8 "Fragments"): after ignored tokens (§2.1.7: white space, line
 * terminators, commas, `#` comments, the byte order mark) it opens with `{` (query shorthand), an
 * operation type or `fragment`. This is what tells a GraphQL `query` apart from a search API's
 * `{"query": "red shoes"}` or Elasticsearch's `{"query": {…}}`.
 */
const DOCUMENT_START =
  /^(?:[\s,\uFEFF]|#[^\n\r]*)*(?:\{|(?:query|mutation|subscription|fragment)(?![_0-9A-Za-z]))/;

/**
 * Names a client puts at the top level of a request for a stored operation instead of `query`:
 * `documentId` (GraphQL over HTTP's persisted documents proposal, `rfcs/PersistedDocuments.md`),
 * `doc_id` (Relay's persisted queries, relay.dev "Persisted Queries", and Meta's own web clients),
 * alongside the spec's own `operationName` and `extensions` (§"Request Parameters"; Apollo's
 * automatic persisted queries send `extensions.persistedQuery`, apollographql.com "Automatic
 * persisted queries" › "Protocol").
 */
const STORED_OPERATION_KEYS = ['documentId', 'doc_id'] as const;

/** The same parameters in a URL query or an `application/x-www-form-urlencoded` body (§"GET"). */
const PARAM_NAMES = new Set(['query', 'operationName', 'extensions', ...STORED_OPERATION_KEYS]);

/** A GraphQL-over-HTTP request object (§"JSON Encoding"): only its top-level keys count. */
function isRequestObject(value: unknown): boolean {
  const record = asRecord(value);
  if (record === undefined) return false;
  const query = record['query'];
  if (typeof query === 'string' && DOCUMENT_START.test(query)) return true;
  const name = record['operationName'];
  if (typeof name === 'string' && name !== '') return true;
  if (asRecord(record['extensions'])?.['persistedQuery'] !== undefined) return true;
  return STORED_OPERATION_KEYS.some((key) => {
    const id = record[key];
    return (typeof id === 'string' && id !== '') || typeof id === 'number';
  });
}

/** One of the spec's parameters in `name=value&…` text (a URL's query, or a form body). */
function hasGraphqlParam(params: string): boolean {
  for (const pair of params.split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0 || !PARAM_NAMES.has(pair.slice(0, equals))) continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(equals + 1).replace(/\+/g, ' '));
    } catch {
      // Not valid percent-encoding: not a URLSearchParams-encoded GraphQL parameter either.
      continue;
    }
    if (value === '') continue;
    // `?query=red+shoes` is a search, `?query={viewer{id}}` is GraphQL; the other names are
    // GraphQL's own.
    if (!pair.startsWith('query=') || DOCUMENT_START.test(value)) return true;
  }
  return false;
}

// The `{"query"`-style keys a JSON request body must mention before it is worth parsing.
const JSON_KEYS = /"(?:query|operationName|extensions|documentId|doc_id)"\s*:/;

/** A request body (and its media type) written the way GraphQL clients write one. */
function isGraphqlBody(body: string, mimeType: string): boolean {
  if (/multipart\/form-data/i.test(mimeType))
    // GraphQL multipart request spec (github.com/jaydenseric/graphql-multipart-request-spec,
    // "Multipart form field structure"): the operations travel in a field named `operations`.
    return /name="?operations"?/.test(body);
  if (/x-www-form-urlencoded/i.test(mimeType)) return hasGraphqlParam(body);
  if (!JSON_KEYS.test(body)) return false;
  const json = parseJsonBody(body);
  // A body too large to parse that names the keys is taken as GraphQL: a miss would lose a failure.
  if (json === undefined) return body.length > MAX_JSON_PARSE_CHARS;
  // Batched operations are an array of request objects (Apollo's and GraphQL Yoga's batching).
  return Array.isArray(json) ? json.some(isRequestObject) : isRequestObject(json);
}

// A path segment `graphql` or `gql` (`/graphql`, `/api/graphql/`, Shopify's `…/graphql.json`,
// X's `/i/api/graphql/<id>/<name>`): graphql.org "Serving over HTTP" › "URIs, Routes" says a
// GraphQL server usually sits at `/graphql`. A weaker sign than the request's own shape, but it is
// what catches the shapes nobody standardised (a persisted operation by URL alone, a body keyed
// `id`), and REST endpoints are almost never named so: reading their bodies costs little.
const GRAPHQL_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(?:\/[^?#]*)?\/(?:graphql|gql)(?:[./?#]|$)/i;

/**
 * Whether `exchange` looks like a GraphQL-over-HTTP call from what is known before its response
 * body is read: the request's media types, its body's top level (`query` holding a GraphQL
 * document, `operationName`, `extensions.persistedQuery`, `documentId`/`doc_id`, or a batch of
 * such objects), a GET's query parameters, a form or multipart body, the response's media type, or
 * a `graphql`/`gql` path segment. A REST request that merely mentions "query" in a nested field, or
 * searches with `?query=words`, is not one.
 */
export function isGraphqlRequest(exchange: Exchange): boolean {
  const contentType = exchange.requestMimeType ?? headerValue(exchange.requestHeaders, 'content-type') ?? '';
  if (GRAPHQL_MEDIA.test(exchange.mimeType) || GRAPHQL_MEDIA.test(contentType)) return true;
  if (GRAPHQL_MEDIA.test(headerValue(exchange.requestHeaders, 'accept') ?? '')) return true;
  const query = /\?([^#]*)/.exec(exchange.url)?.[1];
  if (query !== undefined && hasGraphqlParam(query)) return true;
  if (GRAPHQL_PATH.test(exchange.url)) return true;
  const body = exchange.requestBody;
  if (body !== undefined) return isGraphqlBody(body, contentType);
  // A request that sent a body (it names its media type) the browser did not hand over, e.g. a
  // Blob or a stream: nothing says it is not GraphQL, so it counts.
  return exchange.method !== 'GET' && exchange.method !== 'HEAD' && contentType !== '';
}
