import { detectorGates } from './detector-gates.ts';
import { JsonKeyTable } from './json-key-table.ts';
import { jsonKeyInfo, redactJsonNumber, redactJsonString } from './json-leaf.ts';
import { redactText } from './redact-text.ts';
import type { RedactionKind } from './redaction-kind.ts';
import type { RedactionSession } from './redaction-session.ts';

interface Frame {
  array: boolean;
  /** Set when the container sits under a sensitive name: every value inside goes whole. */
  kind: RedactionKind | undefined;
  /** The sensitive kind named by the last key read in an object, for the value that follows. */
  keyKind: RedactionKind | undefined;
  expectKey: boolean;
}

/** Index of the quote closing a JSON string that opened before `from`, or -1. */
function stringEnd(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}

function valueKind(top: Frame | undefined): RedactionKind | undefined {
  if (top === undefined) return undefined;
  return top.kind ?? top.keyKind;
}

function isNumberCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69
  );
}

/**
 * JSON text in, redacted JSON text out — or undefined when the text is not JSON (the caller then
 * redacts it as text). Same rules as redactJson, but done by one scan over the text instead of
 * parse + walk + stringify: strings are found with indexOf, only changed values are re-encoded,
 * and everything else (formatting included) is copied as it was. This is the hot path of a
 * sanitized HAR export with megabyte bodies. Safety does not depend on the JSON being
 * well-formed: anything outside strings must be structure, a number or a literal, or the text is
 * handed back to the text redactor.
 */
export function redactJsonText(text: string, session: RedactionSession): string | undefined {
  const stack: Frame[] = [];
  let top: Frame | undefined;
  const parts: string[] = [];
  const keys = new JsonKeyTable();
  let copied = 0;
  let i = 0;
  const replace = (from: number, to: number, value: string): void => {
    parts.push(text.slice(copied, from), JSON.stringify(value));
    copied = to;
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      const end = stringEnd(text, i + 1);
      if (end === -1) return undefined;
      const keyNext = top !== undefined && top.expectKey;
      const kind = keyNext ? undefined : valueKind(top);
      // Most values (ids, statuses, timestamps, prose) are ruled out in place, without a copy.
      if (!keyNext && kind === undefined && detectorGates(text, i + 1, end) === 0) {
        i = end + 1;
        continue;
      }
      // The usual key (no escapes) is recognised in place, without a copy.
      const known = keyNext && top !== undefined ? keys.lookup(text, i + 1, end) : undefined;
      if (known !== undefined && top !== undefined) {
        top.keyKind = known.info.kind;
        top.expectKey = false;
        if (!known.info.clean) replace(i, end + 1, redactText(known.key, session));
        i = end + 1;
        continue;
      }
      let value = text.slice(i + 1, end);
      if (value.includes('\\')) {
        try {
          value = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return undefined;
        }
      }
      let out: string;
      if (top !== undefined && keyNext) {
        const info = jsonKeyInfo(value);
        top.keyKind = info.kind;
        top.expectKey = false;
        out = info.clean ? value : redactText(value, session);
      } else out = redactJsonString(value, kind, session);
      if (out !== value) replace(i, end + 1, out);
      i = end + 1;
    } else if (code === 123 || code === 91) {
      top = { array: code === 91, kind: valueKind(top), keyKind: undefined, expectKey: code === 123 };
      stack.push(top);
      i++;
    } else if (code === 125 || code === 93) {
      stack.pop();
      top = stack[stack.length - 1];
      i++;
    } else if (code === 44) {
      if (top !== undefined && !top.array) top.expectKey = true;
      i++;
    } else if (code === 58 || code === 32 || code === 10 || code === 13 || code === 9) i++;
    else if (code === 45 || (code >= 48 && code <= 57)) {
      let end = i + 1;
      while (end < text.length && isNumberCode(text.charCodeAt(end))) end++;
      const kind = valueKind(top);
      const out = kind === undefined ? undefined : redactJsonNumber(text.slice(i, end), kind, session);
      if (out !== undefined) replace(i, end, out);
      i = end;
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else return undefined;
  }
  if (stack.length !== 0) return undefined;
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
