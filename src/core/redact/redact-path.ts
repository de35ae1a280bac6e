import { fieldKind } from './field-kind.ts';
import { redactText } from './redact-text.ts';
import type { RedactionSession } from './redaction-session.ts';
import { safeDecode } from './safe-decode.ts';

/**
 * A URL path, segment by segment: each decoded segment passes the detectors (`/users/ann@x.io`),
 * and a segment right after one named like a sensitive field (`/token/…`, `/reset-password/…`,
 * `/email/…`) is replaced whole, since such a value has no recognisable format. Plural collection names
 * (`/tokens/tok_1`) do not count: what follows them is a resource id.
 */
export function redactPath(path: string, session: RedactionSession): string {
  const segments = path.split('/');
  let previousKind: string | undefined;
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    const decoded = safeDecode(raw);
    let redacted = redactText(decoded, session);
    if (redacted === decoded && previousKind !== undefined && decoded !== '')
      redacted = session.placeholder(fieldKind(segments[i - 1] ?? '') ?? 'secret', decoded);
    if (redacted !== decoded) segments[i] = redacted;
    previousKind = fieldKind(decoded);
  }
  return segments.join('/');
}
