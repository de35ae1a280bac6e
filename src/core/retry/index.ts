/** Retry decisions shared by classify, the panel, tickets and the session findings. */
export { headline, resendPhrase, retryLine, scheduleText, type RetryFacts } from './advice.ts';
export { idempotencyKeyOf } from './idempotency.ts';
export { namedWait, resetWait } from './server-wait.ts';
