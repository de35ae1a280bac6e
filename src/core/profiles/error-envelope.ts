import type { DocRef } from '../diagnosis.ts';
import { backoffSchedule } from '../retry/backoff-schedule.ts';
import type { Profile, RuleContext, Verdict, VerdictChange } from './profile.ts';
import { ruleMaker } from './rule-maker.ts';

const ref = (section: string): DocRef => ({ file: 'error-envelope.txt', section });
// error-envelope.txt › "Retry Guidelines": 1, 2, 4 s with jitter, at most 3 attempts.
const BACKOFF = backoffSchedule(1, 3);
const MAX_ATTEMPTS = 3;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** error-envelope.txt › "Request Tracking": every support request should carry the request_id. */
function quoteRequestId(context: RuleContext, sentence: string): string {
  const id = context.error?.requestId;
  return id === undefined ? sentence : `${sentence.replace(/\.$/, '')}; quote request_id ${id} to support.`;
}

function retryable(context: RuleContext): VerdictChange {
  return {
    retry: 'yes',
    backoffS: BACKOFF,
    maxAttempts: MAX_ATTEMPTS,
    jitter: true,
    retryKey: context.idempotencyKey === undefined ? 'none' : 'same',
    action: quoteRequestId(
      context,
      'Retry with jittered backoff of 1, 2, 4 s, at most 3 attempts in all, and pause 30 s after 5 consecutive failures.',
    ),
  };
}

function notRetryable(context: RuleContext, baseline: Verdict): VerdictChange {
  return { retry: 'no', action: quoteRequestId(context, baseline.action) };
}

function validation(context: RuleContext): VerdictChange {
  return {
    retry: 'no',
    action: quoteRequestId(
      context,
      'Correct the rejected values; this message is written for end users and may be shown to them as is.',
    ),
  };
}

const rule = ruleMaker('error-envelope', ref);

/** The error-envelope API (error-envelope.txt): 3 jittered attempts, circuit breaker, request_id. */
export const errorEnvelope: Profile = {
  id: 'error-envelope',
  name: 'Error-envelope API',
  docUrl: '',
  docFile: 'error-envelope.txt',
  hosts: [],
  supportIdentifiers: [],
  recognize: (_exchange, error) =>
    error?.format === 'error-envelope'
      ? {
          source: 'body',
          detail:
            'body shape {error:{code, message, request_id, timestamp}} (error-envelope.txt › "Error Response Format")',
        }
      : undefined,
  rules: [
    rule('retryable', 'Error Code Categories', (c) => RETRYABLE.has(c.status), retryable),
    // The 422 paragraph sits at the end of the Circuit Breaker section; name it, so a validation
    // error does not look as if it were documented under circuit breaking.
    rule(
      '422',
      'Circuit Breaker Pattern › 422 errors contain user-friendly messages',
      (c) => c.status === 422,
      validation,
    ),
    rule('4xx', 'Retry Guidelines', (c) => c.status >= 400 && c.status < 500, notRetryable),
  ],
};
