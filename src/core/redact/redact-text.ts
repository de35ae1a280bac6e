import { detectSensitive } from './detect-sensitive.ts';
import type { RedactionSession } from './redaction-session.ts';

/** Free text with every detected secret and piece of personal data replaced by a placeholder. */
export function redactText(text: string, session: RedactionSession): string {
  if (text.length < 6) return text;
  const spans = detectSensitive(text);
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const span of spans) {
    out += text.slice(from, span.start) + session.placeholder(span.kind, text.slice(span.start, span.end));
    from = span.end;
  }
  return out + text.slice(from);
}
