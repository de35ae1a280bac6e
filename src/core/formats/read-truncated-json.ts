import type { ErrorBody } from '../diagnosis.ts';
import { compactErrorBody } from './compact-error-body.ts';

const SCAN_CHARS = 65_536;
// `"key": "string"` or `"key": 123`, with each value bounded so the scan stays linear.
const PAIR =
  /"(message|detail|details|title|code|type|status|param|request_id|requestId|error_description)"\s*:\s*(?:"((?:[^"\\]|\\.){0,2000})"|(-?\d{1,15}))/g;

function unescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function firstValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of text.slice(0, SCAN_CHARS).matchAll(PAIR)) {
    const [, key, quoted, number] = match;
    const value = quoted !== undefined ? unescape(quoted) : number;
    if (key !== undefined && value !== undefined && value.trim() !== '' && !values.has(key))
      values.set(key, value);
  }
  return values;
}

/**
 * What can still be read from JSON that did not parse: cut at the capture limit, too large to
 * parse, or malformed. Takes the first value of each well-known error member found near the top.
 * `format` names the shape when the caller recognised it from the opening (GraphQL `errors` first).
 */
export function readTruncatedJson(text: string, format = 'truncated-json'): ErrorBody | undefined {
  const values = firstValues(text);
  if (values.size === 0) return undefined;
  return compactErrorBody({
    format,
    code: values.get('code') ?? (values.get('status')?.match(/^[A-Z_]+$/) ? values.get('status') : undefined),
    type: values.get('type'),
    title: values.get('title'),
    message:
      values.get('message') ??
      values.get('detail') ??
      values.get('details') ??
      values.get('error_description'),
    param: values.get('param'),
    requestId: values.get('request_id') ?? values.get('requestId'),
  });
}
