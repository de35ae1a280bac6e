import { redactJsonTree } from './redact-json-tree.ts';
import type { RedactionSession } from './redaction-session.ts';

/**
 * A redacted copy of a JSON value (the input is not modified): values under sensitive names
 * become typed placeholders, other strings and object keys pass the text detectors.
 */
export function redactJson(value: unknown, session: RedactionSession): unknown {
  return redactJsonTree(value, session, false);
}
