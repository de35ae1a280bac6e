import type { Finding } from '../finding.ts';
import type { Attempt } from './attempt.ts';
import { BoundedMap } from './bounded-map.ts';
import { newFinding } from './new-finding.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

interface FirstUse {
  /** Method + URL + body of the first request with this key: what the server stored for it. */
  signature: string;
  index: number;
  finding: Finding | undefined;
  mismatches: number;
}

function message(attempt: Attempt, first: FirstUse): string {
  const header = attempt.idempotencyHeader ?? 'Idempotency-Key';
  const count = first.mismatches > 1 ? ` (${first.mismatches} different requests so far)` : '';
  return (
    `The ${header} first sent with request #${first.index} came back on ${attempt.label()} with a different ` +
    `method, URL or body${count}. The server keeps the key bound to the first request, so this one is ` +
    `refused (the IETF Idempotency-Key draft answers 422) instead of being processed: a new payload needs a new key.`
  );
}

/**
 * idempotency_key_reused: one idempotency key value sent to one host with two different requests
 * (method, URL or body differ from the key's first use). draft-ietf-httpapi-idempotency-key-header
 * › "Error Scenarios" has the server answer that with 422; persona.txt › "Network errors" says the same key with other
 * parameters yields an error. Re-sending the same payload with the same key is the intended use and
 * is not reported. One finding per key, extended by every further mismatching use.
 */
export function detectIdempotencyKeyReused(capacity: number): SessionDetector {
  const byKey = new BoundedMap<string, FirstUse>(capacity);
  return {
    size: () => byKey.size,
    add(attempt) {
      if (attempt.idempotencyKey === undefined) return [];
      const key = `${attempt.host} ${attempt.idempotencyKey}`;
      const first = byKey.get(key);
      if (first === undefined) {
        byKey.set(key, {
          signature: attempt.signature,
          index: attempt.index,
          finding: undefined,
          mismatches: 0,
        });
        return [];
      }
      if (first.signature === attempt.signature) return [];
      first.mismatches += 1;
      const text = message(attempt, first);
      first.finding =
        first.finding === undefined
          ? newFinding('idempotency_key_reused', [first.index, attempt.index], text, SESSION_DOCS.keyReused)
          : withEntries(first.finding, [attempt.index], text);
      return [first.finding];
    },
  };
}
