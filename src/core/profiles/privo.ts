import type { DocRef, RetryVerdict } from '../diagnosis.ts';
import type { Profile, RuleContext, VerdictChange } from './profile.ts';
import { ruleMaker } from './rule-maker.ts';

const ref = (section: string): DocRef => ({ file: 'privo.txt', section });
// privo.txt › "Error Handling": only GET and DELETE are guaranteed idempotent.
const GUARANTEED = new Set(['GET', 'DELETE']);
// privo.txt › "Network Errors": a unique email address or username blocks a duplicate registration.
const UNIQUE_FIELD = /"(email|email_address|emailAddress|username|user_name|userName)"\s*:\s*"[^"\s]/;

/** The unique field a request body carries that PRIVO deduplicates on, if any. */
export function privoUniqueIdentifier(context: RuleContext): string | undefined {
  const body = context.exchange.requestBody;
  if (body === undefined) return undefined;
  return UNIQUE_FIELD.exec(body.slice(0, 65_536))?.[1];
}

function indeterminate(context: RuleContext): VerdictChange {
  const unique = privoUniqueIdentifier(context);
  const retry: RetryVerdict = GUARANTEED.has(context.method) || unique !== undefined ? 'yes' : 'conditional';
  const action = GUARANTEED.has(context.method)
    ? `The outcome is indeterminate, but PRIVO guarantees ${context.method} is idempotent, so resend it.`
    : unique !== undefined
      ? `The outcome is indeterminate; resending is safe because PRIVO rejects a duplicate \`${unique}\`.`
      : 'The outcome is indeterminate; resend only if the request carries a unique identifier PRIVO deduplicates on, and agree an error plan with your PRIVO representative otherwise.';
  const notes =
    unique === undefined ? [] : [{ source: 'body' as const, detail: `request body carries \`${unique}\`` }];
  return { retry, retryKey: 'none', action, notes };
}

const rule = ruleMaker('privo', ref);

/** PRIVO (privo.txt): 4xx never as is; 5xx and network failures safe only when deduplicated. */
export const privo: Profile = {
  id: 'privo',
  name: 'PRIVO',
  docUrl: '',
  docFile: 'privo.txt',
  hosts: [],
  supportIdentifiers: [],
  // Neither a host nor a body format is documented, so PRIVO is recognised by the user's mapping only.
  recognize: () => undefined,
  rules: [
    rule('network', 'Network Errors', (c) => c.status === 0, indeterminate),
    rule(
      '4xx',
      'Content Errors',
      (c) => c.status >= 400 && c.status < 500,
      () => ({ retry: 'no', action: 'Correct the content of the request, then send the corrected version.' }),
    ),
    rule('5xx', 'Server Errors', (c) => c.status >= 500 && c.status !== 501, indeterminate),
  ],
};
