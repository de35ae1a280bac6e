import type { ErrorBody } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { startsWithGraphqlErrors } from './graphql-errors.ts';
import { looksLikeHtml, readHtmlError } from './read-html-error.ts';
import { parseJsonBody } from './parse-json-body.ts';
import { readJsonError } from './read-json-error.ts';
import { readTextError } from './read-text-error.ts';
import { readTruncatedJson } from './read-truncated-json.ts';

function looksLikeJson(text: string, mimeType: string): boolean {
  return /json/i.test(mimeType) || /^\s*[{[]/.test(text.slice(0, 1024));
}

/**
 * The error a response body carries, in whichever format it is written (DESIGN.md "ErrorBody").
 * Never throws: JSON that does not parse (truncated, too large, malformed) is salvaged field by
 * field, HTML gives its title, anything else its first line.
 */
export function readErrorBody(exchange: Exchange): ErrorBody | undefined {
  const text = exchange.responseBody;
  if (text === undefined || text.trim() === '') return undefined;
  const json = parseJsonBody(text);
  if (json !== undefined) return readJsonError(json, exchange.mimeType);
  if (startsWithGraphqlErrors(text)) return readTruncatedJson(text, 'graphql');
  if (looksLikeJson(text, exchange.mimeType) && !looksLikeHtml(text, '')) return readTruncatedJson(text);
  if (looksLikeHtml(text, exchange.mimeType)) return readHtmlError(text);
  return readTextError(text);
}
