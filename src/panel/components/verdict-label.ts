import type { RetryVerdict } from '../../core/diagnosis.ts';

const VERDICT: Readonly<Record<RetryVerdict, string>> = {
  yes: 'Retry',
  no: 'Do not retry unchanged',
  conditional: 'Retry only if the operation is idempotent',
};

/** The retry verdict in words (DESIGN.md: `conditional` = only if the operation is idempotent). */
export function verdictLabel(retry: RetryVerdict): string {
  return VERDICT[retry];
}
