import type { DocRef } from '../diagnosis.ts';
import { backoffSchedule } from '../retry/backoff-schedule.ts';
import type { Profile, RuleContext, Verdict, VerdictChange } from './profile.ts';
import { ruleMaker } from './rule-maker.ts';

const url = 'https://developers.persly.ai/docs/errors';
const ref = (section: string): DocRef => ({ file: 'persly.txt', section, url });
// persly.txt › "Retry Strategy": waits of 2**attempt seconds over max_retries = 3 attempts.
const BACKOFF = backoffSchedule(1, 3);
const MAX_ATTEMPTS = 3;
const QUOTA_CODES = new Set(['quota_exceeded', 'spending_limit_exceeded']);

function pointAtParam(context: RuleContext, baseline: Verdict): VerdictChange {
  const param = context.error?.param;
  const code = context.error?.code;
  if (param === undefined) return { action: baseline.action };
  return {
    action: `Fix the \`${param}\` parameter${code === undefined ? '' : ` (${code})`} and send the corrected request.`,
  };
}

function quota(context: RuleContext): VerdictChange {
  const spending = context.error?.code === 'spending_limit_exceeded';
  return {
    category: 'quota_exceeded',
    retry: 'no',
    retryKey: 'none',
    action: spending
      ? 'The monthly spending limit is reached; raise it in the dashboard, as waiting will not clear it.'
      : 'The free-tier credits are used up; upgrade the plan or wait for the quota reset.',
  };
}

function serverError(context: RuleContext): VerdictChange {
  return {
    retry: 'yes',
    backoffS: BACKOFF,
    maxAttempts: MAX_ATTEMPTS,
    retryKey: context.idempotencyKey === undefined ? 'none' : 'same',
    action: 'Retry with exponential backoff of 1, 2, 4 s, three attempts in all.',
  };
}

function otherServerError(_context: RuleContext, baseline: Verdict): VerdictChange {
  return { backoffS: BACKOFF, maxAttempts: MAX_ATTEMPTS, action: baseline.action };
}

const rule = ruleMaker('persly', ref);

/** Persly (persly.txt): `param` on 400s, quota vs spending limit on 429, 1-2-4 s on 5xx. */
export const persly: Profile = {
  id: 'persly',
  name: 'Persly',
  docUrl: url,
  docFile: 'persly.txt',
  hosts: ['api.persly.ai'],
  supportIdentifiers: [],
  // Persly's {error:{message,type,code,param}} is OpenAI's shape too: only the host identifies it.
  recognize: () => undefined,
  rules: [
    rule('400', '400 — Bad Request', (c) => c.status === 400, pointAtParam),
    rule(
      '401',
      '401 — Unauthorized',
      (c) => c.status === 401,
      () => ({ action: 'Check the API key: it is missing, invalid or revoked.' }),
    ),
    rule(
      '403',
      '403 — Forbidden',
      (c) => c.status === 403,
      () => ({
        action: 'The organization is suspended; contact Persly support, as resending will not help.',
      }),
    ),
    rule(
      'quota',
      '429 — Too Many Requests',
      (c) => c.status === 429 && QUOTA_CODES.has(c.error?.code ?? ''),
      quota,
    ),
    rule('500', 'Retry Strategy', (c) => c.status === 500, serverError),
    rule('5xx', 'Retry Strategy', (c) => c.status > 500 && c.status !== 501, otherServerError),
  ],
};
