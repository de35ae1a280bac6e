import type { RedactionKind } from './redaction-kind.ts';

/** A stretch of text to replace by a placeholder of `kind`. */
export interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** Turns a raw match at [start, end) into the span to redact, or undefined to reject it. */
export type Accept = (text: string, start: number, end: number) => Span | undefined;

/**
 * One detector: a regex source compiled (with all the others) into one case-insensitive
 * alternation, plus an optional check that turns a raw match into the span to redact.
 * Sources must not contain capturing groups and must stay linear-time on megabyte inputs: every
 * quantifier is bounded or can only succeed (no required suffix after it), and a pattern that
 * starts with a prefix inside a token run is guarded by a lookbehind so it is tried once per run,
 * not once per position (`eyJeyJeyJ…` would otherwise be quadratic).
 */
export interface TextPattern {
  id: string;
  /** Which pre-check (detectorGates) decides whether this pattern's family runs on a text. */
  family: 'token' | 'digits' | 'punct';
  kind: RedactionKind;
  source: string;
  /** Where the format comes from (vendor doc, RFC, gitleaks rule id). */
  cite: string;
  /** The span to redact for a match; it may end after the match (a key longer than the bound). */
  accept?: Accept;
}

/** ASCII letter, digit or underscore: the characters that glue a token to its neighbours. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** The match stands alone: no word character (or `-`, which ids use as glue) touches either end. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  return !isWordCode(before) && before !== 45 && !isWordCode(after) && after !== 45;
}

function isAlnumAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isWordCode(code) && code !== 95;
}

/**
 * Digits-only detectors: no letter, digit or `_` touching either end, and no `-`, `.` or `/`
 * gluing the number to more alphanumerics (ids like `ord-4111…`, versions, dates, paths).
 */
export function numberStandsAlone(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if (isWordCode(before) || isWordCode(after)) return false;
  const glue = (code: number): boolean => code === 45 || code === 46 || code === 47;
  if (glue(before) && isAlnumAt(text, start - 2)) return false;
  if (glue(after) && isAlnumAt(text, end + 1)) return false;
  return true;
}

/** Token characters a key may continue with past the pattern's bounded length. */
function tokenEnd(text: string, end: number): number {
  let i = end;
  const limit = Math.min(text.length, end + 4096);
  while (i < limit) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code) && code !== 45) break;
    i++;
  }
  return i;
}

/**
 * For keys with a distinctive prefix (case-exact, since the alternation is case-insensitive):
 * the start must not be glued to a word, and the span runs to the end of the token so a key
 * longer than the pattern's bound is still removed whole.
 */
export function prefixed(kind: RedactionKind, prefixes: readonly string[]): Accept {
  return (text, start, end) => {
    const before = text.charCodeAt(start - 1);
    if (isWordCode(before) || before === 45) return undefined;
    for (const prefix of prefixes)
      if (text.startsWith(prefix, start)) return { start, end: tokenEnd(text, end), kind };
    return undefined;
  };
}
