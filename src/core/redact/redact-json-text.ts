import { redactJsonTree } from './redact-json-tree.ts';
import type { RedactionSession } from './redaction-session.ts';

/**
 * JSON text in, redacted JSON text out, or undefined when the text is not JSON (the caller then
 * falls back to text redaction). The parsed tree is owned here, so it is redacted in place: the
 * hot path of a sanitized HAR export with megabyte bodies. Indentation is kept when there was some.
 */
export function redactJsonText(text: string, session: RedactionSession): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const redacted = redactJsonTree(value, session, true);
  return JSON.stringify(redacted, null, /\n\s/.test(text.slice(0, 200)) ? 2 : undefined);
}
