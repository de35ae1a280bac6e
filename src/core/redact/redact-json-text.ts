import { detectorGates } from './detector-gates.ts';
import { EditList } from './edit-list.ts';
import { JsonKeyTable, type KeyEntry } from './json-key-table.ts';
import { jsonKeyInfo, redactJsonNumber, redactJsonString } from './json-leaf.ts';
import { isPlaceholder } from './placeholder.ts';
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

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

function isNumberCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69
  );
}

/**
 * The state of one scan. Frames are reused by depth (a body of records opens a container every
 * few dozen bytes). Replacements are only recorded while scanning — positions in an Int32Array,
 * pieces as references to strings that exist anyway — and the output is assembled at the end,
 * so the rope's nodes exist only briefly instead of being carried (and copied by young-generation
 * collections) through the whole scan. Concatenation then flattening measured about twice as
 * fast as `parts.join('')` over 10^5 pieces (node 20).
 */
class JsonTextScan {
  private readonly frames: Frame[] = [];
  private depth = 0;
  private top: Frame | undefined;
  private readonly keys = new JsonKeyTable();
  private readonly edits = new EditList();

  constructor(
    private readonly text: string,
    private readonly session: RedactionSession,
  ) {}

  /** The redacted text, or undefined when the text is not JSON. */
  run(): string | undefined {
    const text = this.text;
    let i = 0;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 34) i = this.string(i);
      else if (code === 123 || code === 91) i = this.open(i, code === 91);
      else if (code === 125 || code === 93) i = this.close(i);
      else if (code === 44) {
        if (this.top !== undefined && !this.top.array) this.top.expectKey = true;
        i++;
      } else if (code === 58 || code === 32 || code === 10 || code === 13 || code === 9) i++;
      else if (code === 45 || (code >= 48 && code <= 57)) i = this.number(i);
      else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else return undefined;
      if (i === -1) return undefined;
    }
    if (this.depth !== 0) return undefined;
    return this.edits.apply(text);
  }

  /** Replaces text[from, to) by `piece` (already JSON-encoded) in the output. */
  private replace(from: number, to: number, piece: string): void {
    this.edits.add(from, to, piece);
  }

  private open(i: number, array: boolean): number {
    const kind = this.top === undefined ? undefined : (this.top.kind ?? this.top.keyKind);
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = { array, kind, keyKind: undefined, expectKey: !array };
      this.frames.push(frame);
    } else {
      frame.array = array;
      frame.kind = kind;
      frame.keyKind = undefined;
      frame.expectKey = !array;
    }
    this.depth++;
    this.top = frame;
    return i + 1;
  }

  private close(i: number): number {
    if (this.depth === 0) return -1;
    this.depth--;
    this.top = this.depth === 0 ? undefined : this.frames[this.depth - 1];
    return i + 1;
  }

  private number(i: number): number {
    const text = this.text;
    let end = i + 1;
    while (end < text.length && isNumberCode(text.charCodeAt(end))) end++;
    const top = this.top;
    const kind = top === undefined ? undefined : (top.kind ?? top.keyKind);
    const out = kind === undefined ? undefined : redactJsonNumber(text.slice(i, end), kind, this.session);
    if (out !== undefined) this.replace(i, end, `"${out}"`);
    return end;
  }

  /** The string opening at `i`; returns where the scan continues, or -1 when it is unterminated. */
  private string(i: number): number {
    const top = this.top;
    if (top !== undefined && top.expectKey) {
      const predicted = this.keys.predicted(this.text, i + 1);
      if (predicted !== undefined) return this.knownKey(top, predicted, i, i + 1 + predicted.key.length);
    }
    const end = stringEnd(this.text, i + 1);
    if (end === -1) return -1;
    if (top !== undefined && top.expectKey) return this.key(top, i, end);
    const kind = top === undefined ? undefined : (top.kind ?? top.keyKind);
    // Most values (ids, statuses, timestamps, prose) are ruled out in place, without a copy; a
    // value shorter than 6 characters is never changed (redactText's own floor, and no URL).
    if (kind === undefined && (end - i <= 6 || detectorGates(this.text, i + 1, end) === 0)) return end + 1;
    if (kind !== undefined && !hasBackslash(this.text, i + 1, end)) return this.whole(kind, i, end);
    const value = this.decoded(i, end);
    if (value === undefined) return -1;
    const out = redactJsonString(value, kind, this.session);
    if (out !== value) this.replace(i, end + 1, JSON.stringify(out));
    return end + 1;
  }

  /**
   * A value under a sensitive name, without escapes: looked up and replaced in place (the
   * quotes stay, the placeholder needs no encoding). The dense-body hot path.
   */
  private whole(kind: RedactionKind, i: number, end: number): number {
    const text = this.text;
    if (end === i + 1) return end + 1;
    if (text.charCodeAt(i + 1) === 91 && isPlaceholder(text.slice(i + 1, end))) return end + 1;
    this.edits.add(i + 1, end, this.session.placeholderAt(kind, text, i + 1, end));
    return end + 1;
  }

  /** A key recognised in place (no escapes), closing at `end`. */
  private knownKey(top: Frame, known: KeyEntry, i: number, end: number): number {
    top.expectKey = false;
    top.keyKind = known.info.kind;
    if (!known.info.clean) this.replace(i, end + 1, JSON.stringify(redactText(known.key, this.session)));
    return end + 1;
  }

  private key(top: Frame, i: number, end: number): number {
    // The usual key (no escapes) is recognised in place, without a copy.
    const known = this.keys.lookup(this.text, i + 1, end);
    if (known !== undefined) return this.knownKey(top, known, i, end);
    top.expectKey = false;
    const key = this.decoded(i, end);
    if (key === undefined) return -1;
    const info = jsonKeyInfo(key);
    top.keyKind = info.kind;
    if (!info.clean) this.replace(i, end + 1, JSON.stringify(redactText(key, this.session)));
    return end + 1;
  }

  /** The string at [i, end] (quotes included) decoded, or undefined when its escapes are invalid. */
  private decoded(i: number, end: number): string | undefined {
    const raw = this.text.slice(i + 1, end);
    if (!raw.includes('\\')) return raw;
    try {
      return JSON.parse(this.text.slice(i, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
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
  return new JsonTextScan(text, session).run();
}
