import type { DocRef } from '../diagnosis.ts';
import type { ProfileRule } from './profile.ts';

export type RuleMaker = (
  id: string,
  section: string,
  applies: ProfileRule['applies'],
  decide: ProfileRule['decide'],
) => ProfileRule;

/**
 * One provider's rule constructor: every rule gets an id prefixed with the provider and the doc
 * section it encodes, so a Diagnosis can always say which paragraph decided it.
 */
export function ruleMaker(provider: string, ref: (section: string) => DocRef): RuleMaker {
  return (id, section, applies, decide) => ({ id: `${provider}.${id}`, doc: ref(section), applies, decide });
}
