import { detectorGates, GATE_DIGITS, GATE_EMAIL, GATE_PUNCT, GATE_TOKENS } from './detector-gates.ts';
import { findEmails } from './find-emails.ts';
import { PatternSet } from './pattern-set.ts';
import { PERSONAL_PATTERNS } from './personal-patterns.ts';
import { SECRET_PATTERNS } from './secret-patterns.ts';
import type { Span, TextPattern } from './text-pattern.ts';

const ALL: readonly TextPattern[] = [...SECRET_PATTERNS, ...PERSONAL_PATTERNS];
const TOKENS = new PatternSet(ALL.filter((pattern) => pattern.family === 'token'));
const DIGITS = new PatternSet(ALL.filter((pattern) => pattern.family === 'digits'));
const PUNCT = new PatternSet(ALL.filter((pattern) => pattern.family === 'punct'));

/** Non-overlapping spans, ordered; where two overlap the one starting first (then longer) wins. */
function ordered(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  let reach = -1;
  for (const span of spans) {
    if (span.start < reach) continue;
    kept.push(span);
    reach = span.end;
  }
  return kept;
}

/** Every secret and piece of personal data the detectors find in `text`, as ordered spans. */
export function detectSensitive(text: string): Span[] {
  const gates = detectorGates(text);
  if (gates === 0) return [];
  const spans: Span[] = [];
  if (gates & GATE_PUNCT) PUNCT.scan(text, spans);
  if (gates & GATE_TOKENS) TOKENS.scan(text, spans);
  if (gates & GATE_DIGITS) DIGITS.scan(text, spans);
  if (gates & GATE_EMAIL) findEmails(text, spans);
  return ordered(spans);
}
