import type { RetryVerdict } from '../diagnosis.ts';
import type { RuleContext } from '../profiles/profile.ts';
import { isIdempotentMethod } from './is-idempotent-method.ts';

/**
 * The generic verdict for an indeterminate failure (5xx, no response): a repeat is safe when the
 * method is idempotent or an Idempotency-Key lets the server deduplicate; otherwise it depends on
 * the operation (DESIGN.md "The documented policy").
 */
export function retryWhenSafe(context: RuleContext): RetryVerdict {
  return isIdempotentMethod(context.method) || context.idempotencyKey !== undefined ? 'yes' : 'conditional';
}
