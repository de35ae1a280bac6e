/** One HTTP header as captured, name case preserved (HAR keeps duplicates and order). */
export interface Header {
  name: string;
  value: string;
}

/**
 * One request/response, normalised from a HAR entry (the panel's capture produces HAR entries too,
 * so the browser, the CLI and the tests all enter the pipeline here). See DESIGN.md "Data model".
 */
export interface Exchange {
  /** Position in the session (the panel) or in `log.entries` (a HAR file). */
  index: number;
  method: string;
  url: string;
  requestHeaders: Header[];
  /** Request body text; absent when there was none or it was not captured. */
  requestBody?: string;
  requestMimeType?: string;
  /** HTTP status, 0 when no response arrived (see `networkError`). */
  status: number;
  statusText: string;
  responseHeaders: Header[];
  /** Response body as text (base64 content already decoded when it was text). */
  responseBody?: string;
  /** The body was cut to the capture limit; `responseBodySize` is the size before the cut. */
  responseBodyTruncated?: boolean;
  responseBodySize?: number;
  /** The body was binary (not decodable as UTF-8 text) and is not kept as text. */
  responseBodyBinary?: boolean;
  mimeType: string;
  /** Request start, ISO 8601 UTC with a trailing Z. */
  startedAt: string;
  /** Epoch milliseconds of `startedAt`, for arithmetic (NaN-free: 0 when unknown). */
  startedMs: number;
  /** Total time in milliseconds (HAR `time`), 0 when unknown. */
  durationMs: number;
  /**
   * The GraphQL `operationName` the request named (POST body or GET query, per the GraphQL over
   * HTTP spec §"Request Parameters"), shown in the list and the ticket so support can find the call.
   */
  graphqlOperationName?: string;
  /** Why no response arrived (HAR `response._error`, Chrome's `_failureText`, …). */
  networkError?: string;
}
