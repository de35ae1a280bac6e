import type { DocRef } from '../diagnosis.ts';
import { isQuotaError } from './is-quota-error.ts';
import { graphqlCategory } from './graphql-category.ts';
import { GENERIC_ACTIONS } from './generic-actions.ts';
import type { Profile, ProfileRule, RuleContext, VerdictChange } from './profile.ts';
import { statusCategory } from './status-category.ts';
import { retryWhenSafe } from '../retry/retry-when-safe.ts';

const doc: DocRef = { file: 'DESIGN.md', section: 'The documented policy › Generic baseline' };

const keyed = (context: RuleContext, withKey: 'same' | 'new'): 'same' | 'new' | 'none' =>
  context.idempotencyKey === undefined ? 'none' : withKey;

function indeterminate(context: RuleContext, category = statusCategory(context.status)): VerdictChange {
  const retry = retryWhenSafe(context);
  const suffix =
    retry === 'conditional'
      ? ` A ${context.method} without an Idempotency-Key is only safe to repeat if the operation is idempotent.`
      : '';
  return {
    class: context.status === 0 ? 'network' : 'server',
    category,
    retry,
    retryKey: keyed(context, 'same'),
    action: GENERIC_ACTIONS[category] + suffix,
  };
}

function refused(context: RuleContext): VerdictChange {
  const category = statusCategory(context.status);
  return {
    class: 'client',
    category,
    retry: 'no',
    retryKey: keyed(context, 'new'),
    action: GENERIC_ACTIONS[category],
  };
}

const rule = (id: string, applies: ProfileRule['applies'], decide: ProfileRule['decide']): ProfileRule => ({
  id: `generic.${id}`,
  doc,
  applies,
  decide,
});

/** The baseline every profile inherits for whatever its own doc does not say. */
export const GENERIC_RULES: readonly ProfileRule[] = [
  rule(
    'network',
    (c) => c.status === 0,
    (c) => indeterminate(c),
  ),
  rule(
    'quota',
    (c) => (c.status === 429 || c.status === 403) && isQuotaError(c.error),
    (c) => ({ ...refused(c), category: 'quota_exceeded', action: GENERIC_ACTIONS.quota_exceeded }),
  ),
  rule(
    '429',
    (c) => c.status === 429,
    (c) => ({ ...refused(c), retry: 'yes', retryKey: keyed(c, 'same') }),
  ),
  rule(
    '408',
    (c) => c.status === 408,
    (c) => ({
      ...refused(c),
      retry: 'yes',
      retryKey: keyed(c, 'same'),
      action:
        'The server gave up waiting for the request; send it again, on a faster connection if possible.',
    }),
  ),
  rule('4xx', (c) => c.status >= 400 && c.status < 500, refused),
  rule(
    '501',
    (c) => c.status === 501,
    () => ({
      class: 'server',
      category: 'server_error',
      retry: 'no',
      retryKey: 'none',
      action: 'The server does not implement this method or feature; retrying will not change that.',
    }),
  ),
  rule(
    '5xx',
    (c) => c.status >= 500,
    (c) => indeterminate(c),
  ),
  rule(
    'graphql',
    (c) => c.error?.format === 'graphql',
    (c) => graphqlChange(c),
  ),
];

function graphqlChange(context: RuleContext): VerdictChange {
  const category = graphqlCategory(context.error?.code);
  if (category === 'server_error') return indeterminate(context, category);
  const retry = category === 'rate_limited' ? 'yes' : 'no';
  return {
    class: 'client',
    category,
    retry,
    retryKey: keyed(context, retry === 'yes' ? 'same' : 'new'),
    action: `The GraphQL response carries errors despite its HTTP status. ${GENERIC_ACTIONS[category]}`,
  };
}

/** Any API with no profile of its own (DESIGN.md "Generic baseline"). */
export const generic: Profile = {
  id: 'generic',
  name: 'Generic HTTP API',
  // No provider page to point a support ticket at; the baseline is DESIGN.md's, built on RFC 9110.
  docUrl: '',
  docFile: 'DESIGN.md',
  hosts: [],
  supportIdentifiers: [],
  recognize: () => undefined,
  rules: GENERIC_RULES,
};
