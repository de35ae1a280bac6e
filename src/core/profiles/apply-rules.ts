import type { ProfileRule, RuleContext, Verdict } from './profile.ts';

/** The first applicable rule's change laid over `baseline`, or `baseline` when no rule applies. */
export function applyRules(rules: readonly ProfileRule[], context: RuleContext, baseline: Verdict): Verdict {
  for (const rule of rules)
    if (rule.applies(context))
      return { ...baseline, ...rule.decide(context, baseline), rule: rule.id, doc: rule.doc };
  return baseline;
}
