import { fieldKind } from './field-kind.ts';
import { isPlaceholder } from './placeholder.ts';
import { PERSONAL_KINDS, type PersonalKind } from './redaction-kind.ts';
import { isWordCode, type Span } from './text-pattern.ts';

const KEY_LIMIT = 60;
const VALUE_LIMIT = 8192;
const personal = new Set<string>(PERSONAL_KINDS satisfies readonly PersonalKind[]);
/** Authorization schemes (IANA HTTP Authentication Scheme Registry) whose parameter follows a space. */
const SCHEMES = /^(?:bearer|basic|digest|token|negotiate|ntlm|hoba|mutual|aws4-hmac-sha256|hmac|dpop|gnap)$/i;

function isKeyCode(code: number): boolean {
  return isWordCode(code) || code === 45 || code === 46;
}

/** The value after `=` or `:`: quoted up to its closing quote, otherwise up to a delimiter. */
function valueSpan(text: string, from: number): { start: number; end: number } | undefined {
  let i = from;
  while (i < text.length && i < from + 3 && (text[i] === ' ' || text[i] === '\t')) i++;
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    const limit = Math.min(text.length, i + VALUE_LIMIT);
    let j = i + 1;
    while (j < limit && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
    return j > i + 1 && j < limit ? { start: i + 1, end: j } : undefined;
  }
  const start = i;
  const limit = Math.min(text.length, i + VALUE_LIMIT);
  while (i < limit && !/[\s"'&,;<>{}[\]()\\]/.test(text[i] ?? ' ')) i++;
  if (i === start) return undefined;
  // `Authorization: Bearer xyz`: the credential is the word after the scheme.
  if (SCHEMES.test(text.slice(start, i)) && text[i] === ' ') {
    let j = i + 1;
    while (j < limit && !/[\s"'<>]/.test(text[j] ?? ' ')) j++;
    if (j > i + 1) return { start: i + 1, end: j };
  }
  return { start, end: i };
}

/** `full_name=Ada Lovelace (…)`: an unquoted name or address runs on over capitalised words and numbers. */
function capitalisedWordsEnd(text: string, end: number): number {
  let stop = end;
  for (let words = 0; words < 8; words++) {
    const next = /^ [A-Z0-9][A-Za-z0-9'.-]*/.exec(text.slice(stop, stop + 64));
    if (next === null) break;
    stop += next[0].length;
  }
  return stop;
}

/** HTML forms: `name="password" … value="…"` in the same tag. */
function htmlValueSpan(text: string, from: number): { start: number; end: number } | undefined {
  const tagEnd = text.indexOf('>', from);
  const limit = tagEnd === -1 ? Math.min(text.length, from + 500) : Math.min(tagEnd, from + 500);
  const at = text.slice(from, limit).search(/\bvalue\s*=/i);
  if (at === -1) return undefined;
  return valueSpan(text, text.indexOf('=', from + at) + 1);
}

/**
 * Accept a `key = value` / `"key": value` match: the whole key is read around the keyword and
 * must be a sensitive field name (fieldKind). Prose (`name: must not be blank`) is let through for
 * personal fields: those need `=` or a quoted key. Values that are JSON literals, numbers-only
 * for a non-secret, structures or already placeholders are left alone.
 */
export function acceptAssignment(text: string, start: number, end: number): Span | undefined {
  let keyStart = start;
  while (keyStart > 0 && start - keyStart < KEY_LIMIT && isKeyCode(text.charCodeAt(keyStart - 1))) keyStart--;
  let keyEnd = start;
  while (keyEnd < end && isKeyCode(text.charCodeAt(keyEnd))) keyEnd++;
  const kind = fieldKind(text.slice(keyStart, keyEnd));
  if (kind === undefined) return undefined;
  const quoted = text[keyStart - 1] === '"' || text[keyStart - 1] === "'";
  if (personal.has(kind) && text[end - 1] === ':' && !quoted) return undefined;
  let span = valueSpan(text, end);
  if (span === undefined) return undefined;
  if (kind === 'name' || kind === 'address')
    span = { start: span.start, end: capitalisedWordsEnd(text, span.end) };
  const value = text.slice(span.start, span.end);
  if (/^(?:null|true|false|undefined)$/.test(value) || isPlaceholder(value)) return undefined;
  if (kind === 'name') {
    // `<input name="email" value="…">`: the attribute names the field, the value is the data.
    const named = fieldKind(value);
    if (named !== undefined) {
      const html = htmlValueSpan(text, span.end);
      return html === undefined ? undefined : { ...html, kind: named };
    }
    // `<meta name="viewport">`, `name=default`: lower-case identifiers are not people's names.
    if (/^[a-z][a-z0-9_.:-]*$/.test(value)) return undefined;
  }
  return { start: span.start, end: span.end, kind };
}
