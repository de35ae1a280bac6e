import type { ProfileDocument } from './profile-format.ts';
import type { ProfileHooks } from './profile.ts';

/**
 * One built-in provider: its profile document (the same format users write) and, only where the
 * format cannot say something, hooks keyed by the rule that needs them. A provider is this module
 * plus its tests; the registry derives everything else from it.
 */
export interface ProviderModule<Id extends string = string, RuleId extends string = string> {
  id: Id;
  document: ProfileDocument & { id: Id };
  hooks: ProfileHooks<RuleId>;
}

/**
 * Declares a built-in provider. The `const` type parameter keeps the id and rule ids literal, so
 * the registry's id union is derived from the modules and a hook keyed by a rule that does not
 * exist fails the type check.
 */
export function defineProvider<
  const Id extends string,
  const Rules extends readonly { id: string }[],
  const Doc extends ProfileDocument & { id: Id; rules: Rules },
>(
  document: Doc,
  hooks: ProfileHooks<Doc['rules'][number]['id']> = {},
): ProviderModule<Id, Doc['rules'][number]['id']> {
  return { id: document.id, document, hooks };
}
