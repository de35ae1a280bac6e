import type { DocRef, ErrorBody, Evidence, RetryVerdict } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { headerValue } from '../header-value.ts';
import { backoffSchedule } from '../retry/backoff-schedule.ts';
import type { Profile, RuleContext, Verdict, VerdictChange } from './profile.ts';
import { ruleMaker } from './rule-maker.ts';

const ref = (section: string): DocRef => ({ file: 'ranex.txt', section });
// ranex.txt › "Status codes", 502/503/504 row: ~1, 2, 4, 8 s … capped at ~30 s.
const CAP_S = 30;
const BACKOFF = backoffSchedule(1, 5, CAP_S);
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
const SERVER = new Set([500, 502, 503, 504]);

/** ranex.txt › "Idempotency & retries": GET/PUT/DELETE, and POST /v1/applicants (on externalUserId). */
function isIdempotent(context: RuleContext): boolean {
  if (IDEMPOTENT.has(context.method)) return true;
  return context.method === 'POST' && /^\/v1\/applicants\/?$/.test(context.path);
}

function transient(context: RuleContext): VerdictChange {
  const retry: RetryVerdict = isIdempotent(context) ? 'yes' : 'conditional';
  const how = 'retry with exponential backoff (1, 2, 4, 8 s, each wait capped at 30 s)';
  const onExternalUserId = retry === 'yes' && !IDEMPOTENT.has(context.method);
  return {
    retry,
    notes: onExternalUserId
      ? [{ source: 'rule', detail: 'POST /v1/applicants is idempotent on externalUserId' }]
      : [],
    backoffS: BACKOFF,
    backoffCapS: CAP_S,
    retryKey: 'none',
    action:
      retry === 'yes'
        ? `This call is idempotent on Ranex, so ${how}.`
        : `This POST is not idempotent on Ranex: ${how} only after checking it did not already take effect, e.g. by skipping a send whose endpoint+payload hash was already sent.`,
  };
}

function firstProblemOnly(_context: RuleContext, baseline: Verdict): VerdictChange {
  return {
    action: `${baseline.action.replace(/\.$/, '')}; Ranex reports only the first failing field, so expect another error if more are wrong.`,
  };
}

const rule = ruleMaker('ranex', ref);

function recognize(exchange: Exchange, error: ErrorBody | undefined): Evidence | undefined {
  // ranex.txt › "Status codes" (401 row): credentials travel as X-Api-Key plus X-Api-Secret.
  const secret = headerValue(exchange.requestHeaders, 'x-api-secret') !== undefined;
  const key = headerValue(exchange.requestHeaders, 'x-api-key') !== undefined;
  if (secret && key)
    return {
      source: 'header',
      detail: 'request headers X-Api-Key and X-Api-Secret (ranex.txt › "Status codes")',
    };
  if (key && error?.format === 'message')
    return {
      source: 'header',
      detail: 'request header X-Api-Key with a {message} body (ranex.txt › "Error handling")',
    };
  return undefined;
}

/** Ranex (ranex.txt): {message} bodies, no 409, first-problem validation, 1-2-4-8 s capped at 30 s. */
export const ranex: Profile = {
  id: 'ranex',
  name: 'Ranex',
  docUrl: '',
  docFile: 'ranex.txt',
  hosts: [],
  supportIdentifiers: ['externalUserId'],
  recognize,
  rules: [
    rule('network', 'Idempotency & retries', (c) => c.status === 0, transient),
    rule(
      '401',
      'Status codes',
      (c) => c.status === 401,
      () => ({
        action:
          'Check the X-Api-Key / X-Api-Secret pair; keys that worked before may have been deactivated in the product portal.',
      }),
    ),
    rule(
      '403',
      'Status codes',
      (c) => c.status === 403,
      () => ({
        action:
          'Your product cannot access this resource; resending will not help, review which product owns it.',
      }),
    ),
    rule(
      '404',
      'Status codes',
      (c) => c.status === 404,
      () => ({
        action:
          'Check the externalUserId or id in the URL, and create the resource first if it does not exist yet.',
      }),
    ),
    rule(
      '409',
      'Status codes',
      (c) => c.status === 409,
      () => ({
        category: 'conflict',
        retry: 'no',
        action:
          'Ranex documents that it never sends 409 (a repeated POST /v1/applicants returns the existing applicant), so this response likely comes from a proxy or another service in between.',
      }),
    ),
    rule('400', 'Validation error example', (c) => c.status === 400 || c.status === 422, firstProblemOnly),
    rule(
      '429',
      'Status codes',
      (c) => c.status === 429,
      () => ({
        retry: 'yes',
        action:
          'Wait until Retry-After has passed, then resend; add client-side rate limiting if this recurs.',
      }),
    ),
    rule('5xx', 'Status codes', (c) => SERVER.has(c.status), transient),
  ],
};
