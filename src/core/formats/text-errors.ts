import type { ErrorBody } from '../diagnosis.ts';
import { asText, compactErrorBody } from './json-value.ts';

// Error pages (nginx, CDNs, load balancers) put what matters at the top; bounding the scanned text
// and each match keeps the regexes linear on a multi-megabyte page.
const SCAN_CHARS = 65_536;
const TITLE = /<title[^>]{0,200}>([\s\S]{0,1000}?)<\/title>/i;
const H1 = /<h1[^>]{0,200}>([\s\S]{0,1000}?)<\/h1>/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const MAX_LINE_CHARS = 300;
// `"key": "string"` or `"key": 123`, with each value bounded so the scan stays linear.
const PAIR =
  /"(message|detail|details|title|code|type|status|param|request_id|requestId|error_description)"\s*:\s*(?:"((?:[^"\\]|\\.){0,2000})"|(-?\d{1,15}))/g;

function codePoint(value: number, fallback: string): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : fallback;
}

/** Inner text of an HTML fragment: tags dropped, common entities decoded, whitespace collapsed. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]{0,1000}>/g, ' ')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return codePoint(parseInt(name.slice(2), 16), entity);
      if (name.startsWith('#')) return codePoint(Number(name.slice(1)), entity);
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a body is HTML, by media type or by its first tag. */
export function looksLikeHtml(text: string, mimeType: string): boolean {
  return (
    /html/i.test(mimeType) || /^\s*(<!doctype html|<html|<head|<body|<title|<h1)/i.test(text.slice(0, 1024))
  );
}

/** An HTML error page's `<title>` and `<h1>` text, read with regexes (core has no DOM). */
export function readHtmlError(text: string): ErrorBody | undefined {
  const head = text.slice(0, SCAN_CHARS);
  const title = asText(htmlText(TITLE.exec(head)?.[1] ?? ''));
  const heading = asText(htmlText(H1.exec(head)?.[1] ?? ''));
  if (title === undefined && heading === undefined) return undefined;
  return compactErrorBody({
    format: 'html',
    title: title ?? heading,
    message: heading !== undefined && heading !== title ? heading : undefined,
  });
}

/** A plain-text error body: its first non-empty line, cut to a readable length. */
export function readTextError(text: string): ErrorBody | undefined {
  const line = /\S[^\r\n]*/.exec(text.slice(0, 4096))?.[0]?.trim();
  if (line === undefined || line === '') return undefined;
  return compactErrorBody({
    format: 'text',
    message: line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line,
  });
}

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
  const status = values.get('status');
  return compactErrorBody({
    format,
    code: values.get('code') ?? (status !== undefined && /^[A-Z_]+$/.test(status) ? status : undefined),
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
