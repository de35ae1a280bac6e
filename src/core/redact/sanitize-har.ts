import type { Har, HarContent, HarEntry, HarNameValue, HarRequest, HarResponse } from '../har.ts';
import { isHarEntry } from '../is-har-entry.ts';
import { redactBodyText } from './redact-body-text.ts';
import { redactHeader } from './redact-header.ts';
import { redactJson } from './redact-json.ts';
import { redactNamedValue } from './redact-query.ts';
import { redactText } from './redact-text.ts';
import { redactUrl } from './redact-url.ts';
import { RedactionSession } from './redaction-session.ts';

type Fields = Record<string, unknown>;

/** HAR `_custom` fields (Chrome `_initiator`, `_webSocketMessages`…) and `comment`s may hold anything. */
function redactExtras(target: Fields, session: RedactionSession): void {
  for (const key of Object.keys(target)) {
    if (key.startsWith('_')) target[key] = redactJson(target[key], session);
    else if (key === 'comment' && typeof target[key] === 'string')
      target[key] = redactText(target[key], session);
  }
}

function redactPairs(
  list: HarNameValue[] | undefined,
  session: RedactionSession,
  redact: (name: string, value: string) => string,
): HarNameValue[] | undefined {
  if (!Array.isArray(list)) return list;
  return list.map((pair) => {
    const out: HarNameValue = { ...pair };
    if (typeof pair.value === 'string') out.value = redact(String(pair.name), pair.value);
    redactExtras(out, session);
    return out;
  });
}

function cookies(list: HarNameValue[] | undefined, session: RedactionSession): HarNameValue[] | undefined {
  return redactPairs(list, session, (_name, value) =>
    value === '' ? value : session.placeholder('cookie', value),
  );
}

function base64ToText(base64: string): string | undefined {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function textToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Response content: text redacted by type; base64 text decoded, redacted, re-encoded. */
function content(original: HarContent | undefined, session: RedactionSession): HarContent | undefined {
  if (original === undefined || original === null) return original;
  const out: HarContent = { ...original };
  redactExtras(out, session);
  if (typeof original.text !== 'string' || original.text === '') return out;
  const mime = typeof original.mimeType === 'string' ? original.mimeType : '';
  if (String(original.encoding).toLowerCase() !== 'base64') {
    out.text = redactBodyText(original.text, mime, session);
    return out;
  }
  const text = base64ToText(original.text);
  if (text !== undefined) out.text = textToBase64(redactBodyText(text, mime, session));
  else if (/^(?:image|application\/pdf|video|audio)/i.test(mime)) {
    // A binary image or PDF answered by an API is a customer's document or selfie more often than not.
    out.text = session.placeholder('document', original.text);
    delete out.encoding;
    out.comment = 'binary content removed by sanitizer';
  }
  return out;
}

function request(original: HarRequest | undefined, session: RedactionSession): HarRequest | undefined {
  if (original === undefined || original === null) return original;
  const out: HarRequest = { ...original };
  redactExtras(out, session);
  if (typeof original.url === 'string') out.url = redactUrl(original.url, session);
  const headers = redactPairs(original.headers, session, (name, value) => redactHeader(name, value, session));
  if (headers !== undefined) out.headers = headers;
  const query = redactPairs(original.queryString, session, (name, value) =>
    redactNamedValue(name, value, session),
  );
  if (query !== undefined) out.queryString = query;
  const jar = cookies(original.cookies, session);
  if (jar !== undefined) out.cookies = jar;
  if (original.postData !== undefined && original.postData !== null) {
    const post = { ...original.postData };
    redactExtras(post, session);
    if (typeof post.text === 'string') post.text = redactBodyText(post.text, post.mimeType ?? '', session);
    const params = redactPairs(post.params, session, (name, value) => redactNamedValue(name, value, session));
    if (params !== undefined) post.params = params;
    out.postData = post;
  }
  return out;
}

function response(original: HarResponse | undefined, session: RedactionSession): HarResponse | undefined {
  if (original === undefined || original === null) return original;
  const out: HarResponse = { ...original };
  redactExtras(out, session);
  const headers = redactPairs(original.headers, session, (name, value) => redactHeader(name, value, session));
  if (headers !== undefined) out.headers = headers;
  const jar = cookies(original.cookies, session);
  if (jar !== undefined) out.cookies = jar;
  const body = content(original.content, session);
  if (body !== undefined) out.content = body;
  if (typeof original.redirectURL === 'string') out.redirectURL = redactUrl(original.redirectURL, session);
  if (typeof original.statusText === 'string') out.statusText = redactText(original.statusText, session);
  return out;
}

function entry(original: HarEntry, session: RedactionSession): HarEntry {
  const out: HarEntry = { ...original };
  redactExtras(out, session);
  const req = request(original.request, session);
  if (req !== undefined) out.request = req;
  const res = response(original.response, session);
  if (res !== undefined) out.response = res;
  return out;
}

function pages(value: unknown, session: RedactionSession): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((page: unknown) => {
    if (typeof page !== 'object' || page === null) return page;
    const out: Fields = { ...(page as Fields) };
    redactExtras(out, session);
    if (typeof out.title === 'string') out.title = redactUrl(out.title, session);
    return out;
  });
}

/**
 * The HAR with every secret and piece of personal data replaced wherever it is (URLs, headers,
 * cookies, query strings, bodies, redirects, custom `_` fields), and everything else kept so it is
 * still a valid HAR: entries, methods, statuses, timings, non-secret headers. Chrome's own
 * "sanitized" export only drops Authorization, Cookie and Set-Cookie. One session for the whole
 * file, so the same value has the same placeholder in every entry. Pure: returns a new object.
 */
export function sanitizeHar(har: Har): Har {
  const session = new RedactionSession();
  const log: Har['log'] = { ...har.log };
  redactExtras(log, session);
  log.entries = Array.isArray(har.log.entries)
    ? har.log.entries.map((item: unknown) =>
        // A broken item (null, a string, an array) is kept where it is so indexes still match the
        // original, but its text is redacted like any other value.
        isHarEntry(item) ? entry(item, session) : (redactJson(item, session) as HarEntry),
      )
    : [];
  if ('pages' in har.log) log.pages = pages(har.log.pages, session);
  const out: Har = { ...har, log };
  redactExtras(out, session);
  return out;
}
