import type { DocRef } from '../diagnosis.ts';
import { backoffSchedule } from '../retry/backoff-schedule.ts';
import type { Profile, RuleContext, Verdict, VerdictChange } from './profile.ts';
import { ruleMaker } from './rule-maker.ts';

const url = 'https://docs.withpersona.com/reference/errors';
const ref = (section: string): DocRef => ({ file: 'persona.txt', section, url });
// persona.txt › "429 Too Many Requests" and › "Server errors": 5, 10, 20, 40 seconds "and so forth".
const BACKOFF = backoffSchedule(5, 4);

const keyNote = (context: RuleContext, text: string): string =>
  context.idempotencyKey === undefined ? '' : text;

function rateLimited(context: RuleContext): VerdictChange {
  return {
    retry: 'yes',
    backoffS: BACKOFF,
    retryKey: context.idempotencyKey === undefined ? 'none' : 'same',
    action:
      'Back off (5, 10, 20, 40 s) before resending, and throttle once RateLimit-Remaining drops under 15% of RateLimit-Limit' +
      keyNote(
        context,
        '; the same idempotency key is fine because rate limiting runs before the idempotency cache',
      ) +
      '.',
  };
}

function unauthorized(context: RuleContext): VerdictChange {
  return {
    retryKey: context.idempotencyKey === undefined ? 'none' : 'same',
    action:
      'Fix the API key before resending' +
      keyNote(context, '; a 401 is not stored in the idempotency cache, so the same key may be reused') +
      '.',
  };
}

function conflict(context: RuleContext): VerdictChange {
  return {
    retryKey: context.idempotencyKey === undefined ? 'none' : 'new',
    action:
      'Look up the resource first (a duplicate reference id, a concurrent update or an incompatible state) and only then send a request that fits its current state' +
      keyNote(context, ', under a new idempotency key') +
      '.',
  };
}

function otherClientError(context: RuleContext, baseline: Verdict): VerdictChange {
  if (context.idempotencyKey === undefined) return { action: baseline.action };
  return {
    retryKey: 'new',
    action: `${baseline.action.replace(/\.$/, '')}, then send it under a new idempotency key, since Persona replays this ${context.status} for the old one.`,
  };
}

function serverError(context: RuleContext, baseline: Verdict): VerdictChange {
  const safe =
    baseline.retry === 'yes'
      ? ''
      : ' only if a repeat is harmless (group requests by Account reference id to spot re-creations)';
  return {
    backoffS: BACKOFF,
    retryKey: context.idempotencyKey === undefined ? 'none' : 'new',
    action: `The outcome is indeterminate: retry with backoff (5, 10, 20, 40 s)${safe}${keyNote(context, ' using a new idempotency key, as the old one may replay this error')}.`,
  };
}

function networkError(context: RuleContext): VerdictChange {
  return {
    retryKey: context.idempotencyKey === undefined ? 'none' : 'same',
    action:
      context.idempotencyKey === undefined
        ? 'The server may or may not have acted: resend only if a duplicate is harmless, and send an Idempotency-Key on POSTs so such retries are safe.'
        : 'Resend with the same idempotency key and exactly the same parameters until a response arrives; changed parameters under that key are rejected.',
  };
}

const rule = ruleMaker('persona', ref);

const SERVER = new Set([500, 502, 503, 504]);

/** Persona (persona.txt): replaying idempotency cache, 5-10-20-40 s backoff, 15% headroom. */
export const persona: Profile = {
  id: 'persona',
  name: 'Persona',
  docUrl: url,
  docFile: 'persona.txt',
  hosts: ['api.withpersona.com'],
  supportIdentifiers: ['reference-id', 'referenceId', 'reference_id'],
  recognize: (_exchange, error) =>
    error?.format === 'persona-errors'
      ? { source: 'body', detail: 'body shape errors[{title, details}] (persona.txt › "Error codes")' }
      : undefined,
  rules: [
    rule('network', 'Network errors', (c) => c.status === 0, networkError),
    rule('429', '429 Too Many Requests', (c) => c.status === 429, rateLimited),
    rule('401', '4xx and Idempotency', (c) => c.status === 401, unauthorized),
    rule('409', '409 Conflict', (c) => c.status === 409, conflict),
    rule('4xx', '4xx and Idempotency', (c) => c.status >= 400 && c.status < 500, otherClientError),
    rule('5xx', 'Server errors', (c) => SERVER.has(c.status), serverError),
  ],
};
