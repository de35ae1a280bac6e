import { applyRules } from './apply-rules.ts';
import { generic, GENERIC_RULES } from './generic.ts';
import type { Profile, RuleContext, Verdict } from './profile.ts';

// What stands when no rule applies at all: a 1xx-3xx response without GraphQL errors.
const NOT_A_FAILURE: Verdict = {
  class: 'client',
  category: 'client_error',
  retry: 'no',
  backoffS: [],
  jitter: false,
  retryKey: 'none',
  action: 'This response does not report an error, so there is nothing to retry.',
  rule: 'generic.not-a-failure',
  doc: { file: 'DESIGN.md', section: 'CLI contract' },
};

/** The generic baseline for the exchange, overridden by the profile's first applicable rule. */
export function verdictFor(profile: Profile, context: RuleContext): Verdict {
  const baseline = applyRules(GENERIC_RULES, context, NOT_A_FAILURE);
  return profile === generic ? baseline : applyRules(profile.rules, context, baseline);
}
