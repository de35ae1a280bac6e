/**
 * Provider profiles: the registry of built-in providers, the profile file format (version 1, with
 * its JSON Schema in profile.schema.json), loading a user's or team's profile, and the rules engine
 * that turns a profile into a verdict.
 */
export { checkProfileDocument } from './check-document.ts';
export { DEFAULT_BACKOFF } from './generic.ts';
export { loadProfile, loadProfileText, type LoadResult } from './load-profile.ts';
export { backoffOf, IDEMPOTENT_METHODS } from './profile.ts';
export type { Backoff, Profile, RuleContext, ServerWait, Verdict } from './profile.ts';
export { PROFILE_FORMAT_VERSION } from './profile-format.ts';
export type { ProfileDocument, RuleDocument } from './profile-format.ts';
export {
  BUILT_IN_PROVIDER_IDS,
  ProviderRegistry,
  registryFor,
  urlParts,
  type BuiltInProviderId,
  type Recognized,
} from './registry.ts';
export { classOf, verdictFor, waitHookOf } from './rules.ts';
