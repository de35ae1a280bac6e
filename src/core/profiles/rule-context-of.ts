import type { ErrorBody } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { idempotencyKeyOf } from '../retry/idempotency-key-of.ts';
import type { RuleContext } from './profile.ts';
import { urlParts } from './url-parts.ts';

/** What the rules look at for one exchange. */
export function ruleContextOf(
  exchange: Exchange,
  error: ErrorBody | undefined,
  path: string = urlParts(exchange.url).path,
): RuleContext {
  return {
    exchange,
    status: exchange.status,
    method: exchange.method.toUpperCase(),
    path,
    error,
    idempotencyKey: idempotencyKeyOf(exchange.requestHeaders),
  };
}
