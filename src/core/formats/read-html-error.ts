import type { ErrorBody } from '../diagnosis.ts';
import { asText } from './as-text.ts';
import { compactErrorBody } from './compact-error-body.ts';
import { htmlText } from './html-text.ts';

// Error pages (nginx, CDNs, load balancers) put what matters at the top; bounding the scanned text
// and each match keeps the regexes linear on a multi-megabyte page.
const SCAN_CHARS = 65_536;
const TITLE = /<title[^>]{0,200}>([\s\S]{0,1000}?)<\/title>/i;
const H1 = /<h1[^>]{0,200}>([\s\S]{0,1000}?)<\/h1>/i;

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
