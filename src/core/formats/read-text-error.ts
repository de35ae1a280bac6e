import type { ErrorBody } from '../diagnosis.ts';
import { compactErrorBody } from './compact-error-body.ts';

const MAX_CHARS = 300;

/** A plain-text error body: its first non-empty line, cut to a readable length. */
export function readTextError(text: string): ErrorBody | undefined {
  const line = /\S[^\r\n]*/.exec(text.slice(0, 4096))?.[0]?.trim();
  if (line === undefined || line === '') return undefined;
  return compactErrorBody({
    format: 'text',
    message: line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS)}…` : line,
  });
}
