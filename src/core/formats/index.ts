import type { ErrorBody } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { eventStreamError, isEventStream } from './event-stream.ts';
import { startsWithGraphqlErrors } from './graphql.ts';
import { readJsonError } from './json-errors.ts';
import { parseJsonBody } from './json-value.ts';
import { looksLikeHtml, readHtmlError, readTextError, readTruncatedJson } from './text-errors.ts';

export { eventStreamError, isEventStream } from './event-stream.ts';
export { graphqlErrors, isGraphqlRequest, startsWithGraphqlErrors } from './graphql.ts';
export { readJsonError } from './json-errors.ts';
export { asRecord, asText, parseJsonBody, parsePath, valueAt } from './json-value.ts';

/** What a response body yields: the error it reports and, when it was JSON, the parsed value. */
export interface ReadBody {
  error: ErrorBody | undefined;
  /** The parsed JSON the error came from (an event stream's error event), for profile field paths. */
  json: unknown;
}

const NOTHING: ReadBody = { error: undefined, json: undefined };

function looksLikeJson(text: string, mimeType: string): boolean {
  return /json/i.test(mimeType) || /^\s*[{[]/.test(text.slice(0, 1024));
}

/**
 * The error a response body carries, in whichever format it is written (DESIGN.md "ErrorBody").
 * Never throws: JSON that does not parse (truncated, too large, malformed) is salvaged field by
 * field, an event stream gives its error event, HTML its title, anything else its first line.
 */
export function readBody(exchange: Exchange): ReadBody {
  const text = exchange.responseBody;
  if (text === undefined || text.trim() === '') return NOTHING;
  if (isEventStream(exchange.mimeType, text)) {
    const json = eventStreamError(text);
    if (json === undefined) return NOTHING;
    // The event's own fields, under the format name rules match streams by.
    const error = readJsonError(json, '');
    return { error: { ...error, format: 'event-stream' }, json };
  }
  const json = parseJsonBody(text);
  if (json !== undefined) return { error: readJsonError(json, exchange.mimeType), json };
  if (startsWithGraphqlErrors(text)) return { error: readTruncatedJson(text, 'graphql'), json: undefined };
  if (looksLikeJson(text, exchange.mimeType) && !looksLikeHtml(text, ''))
    return { error: readTruncatedJson(text), json: undefined };
  if (looksLikeHtml(text, exchange.mimeType)) return { error: readHtmlError(text), json: undefined };
  return { error: readTextError(text), json: undefined };
}

/** The error a response body carries (see `readBody`). */
export function readErrorBody(exchange: Exchange): ErrorBody | undefined {
  return readBody(exchange).error;
}
