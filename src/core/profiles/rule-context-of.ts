import type { ErrorBody } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { idempotencyKeyOf } from '../retry/idempotency-key-of.ts';
import type { RuleContext } from './profile.ts';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

/** What the rules look at for one exchange. */
export function ruleContextOf(exchange: Exchange, error: ErrorBody | undefined): RuleContext {
  return {
    exchange,
    status: exchange.status,
    method: exchange.method.toUpperCase(),
    path: pathOf(exchange.url),
    error,
    idempotencyKey: idempotencyKeyOf(exchange.requestHeaders),
  };
}
