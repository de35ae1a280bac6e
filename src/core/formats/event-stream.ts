import { asRecord, MAX_JSON_PARSE_CHARS } from './json-value.ts';

/** Whether a response is a server-sent event stream, by media type or by its first field. */
export function isEventStream(mimeType: string, text: string | undefined): boolean {
  if (/text\/event-stream/i.test(mimeType)) return true;
  return text !== undefined && /^(?:event|data):/.test(text.slice(0, 16));
}

function parseData(data: string): unknown {
  if (data.length > MAX_JSON_PARSE_CHARS) return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * The JSON an event carries when it reports an error: an `error` event (Anthropic's
 * `event: error` with `{"type":"error","error":{…}}`, https://docs.claude.com/en/docs/build-with-claude/streaming#error-events;
 * OpenAI's Responses API `event: error`), a `data:` object with a top-level `error` (OpenAI's Chat
 * Completions stream), or a `response.failed` event's `response.error`.
 */
function errorOf(event: string, data: string): unknown {
  if (data === '' || data === '[DONE]') return undefined;
  if (event === 'error') return parseData(data) ?? { error: { message: data } };
  if (event === 'response.failed') {
    const failed = asRecord(asRecord(parseData(data))?.['response'])?.['error'];
    return failed === undefined || failed === null ? undefined : { error: failed };
  }
  if (!data.startsWith('{') || !data.includes('"error"')) return undefined;
  const json = asRecord(parseData(data));
  const error = json?.['error'];
  return error === undefined || error === null || error === false ? undefined : json;
}

/**
 * The first error event of a `text/event-stream` body, as parsed JSON, or undefined. Follows the
 * WHATWG HTML "Interpreting an event stream" rules (§9.2.6): lines end in CRLF, LF or CR; a line
 * starting with `:` is a comment; `data` lines join with LF; a blank line dispatches the event.
 * One linear pass, so a long stream whose error comes last costs no more than reading it.
 */
export function eventStreamError(text: string): unknown {
  if (!text.includes('error')) return undefined;
  let event = '';
  let data: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.push('');
  for (const line of lines) {
    if (line === '') {
      const error = data.length === 0 ? undefined : errorOf(event || 'message', data.join('\n'));
      if (error !== undefined) return error;
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return undefined;
}
