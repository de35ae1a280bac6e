import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';

/**
 * Persona's `{"errors":[{"title","details"}]}` (persona.txt › "Error codes"): JSON:API-like, but
 * with `details` where JSON:API has `detail`, which is what tells the two apart.
 */
export function readPersonaErrors(json: unknown): ErrorBody | undefined {
  const errors = asRecord(json)?.['errors'];
  if (!Array.isArray(errors)) return undefined;
  const first = asRecord(errors[0]);
  if (first === undefined || typeof first['title'] !== 'string' || !('details' in first)) return undefined;
  const details = first['details'];
  return compactErrorBody({
    format: 'persona-errors',
    title: asText(first['title']),
    message: asText(details),
    details: errors.length > 1 || typeof details === 'object' ? boundedCopy(errors) : undefined,
  });
}
