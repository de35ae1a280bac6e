import type { ErrorBody, Evidence } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { GENERIC } from './generic.ts';
import { compileProfile, type Profile } from './profile.ts';
import type { ProviderModule } from './provider.ts';
import { anthropic } from './providers/anthropic.ts';
import { aws } from './providers/aws.ts';
import { cloudflare } from './providers/cloudflare.ts';
import { errorEnvelope } from './providers/error-envelope.ts';
import { github } from './providers/github.ts';
import { google } from './providers/google.ts';
import { microsoftGraph } from './providers/microsoft-graph.ts';
import { openai } from './providers/openai.ts';
import { persly } from './providers/persly.ts';
import { persona } from './providers/persona.ts';
import { privo } from './providers/privo.ts';
import { ranex } from './providers/ranex.ts';
import { shopify } from './providers/shopify.ts';
import { slack } from './providers/slack.ts';
import { stripe } from './providers/stripe.ts';
import { twilio } from './providers/twilio.ts';

/**
 * THE list of built-in providers, in recognition order (a body shape checked earlier wins). A
 * provider is its module and its tests: ids, the CLI's and Settings' profile lists and recognition
 * all derive from this array, and tests keyed by `BuiltInProviderId` stop compiling until a new
 * provider has its fixtures.
 */
const MODULES = [
  persona,
  ranex,
  errorEnvelope,
  persly,
  privo,
  openai,
  anthropic,
  stripe,
  github,
  google,
  aws,
  twilio,
  slack,
  shopify,
  cloudflare,
  microsoftGraph,
] as const satisfies readonly ProviderModule[];

export type BuiltInProviderId = (typeof MODULES)[number]['id'] | 'generic';

/** Every built-in provider id, `generic` last (the CLI contract's `provider` values). */
export const BUILT_IN_PROVIDER_IDS: readonly BuiltInProviderId[] = [...MODULES.map((m) => m.id), 'generic'];

const GENERIC_PROFILE = compileProfile(GENERIC, {}, true);
const BUILT_INS: readonly Profile[] = MODULES.map((m) => compileProfile(m.document, m.hooks, true));

export interface Recognized {
  profile: Profile;
  recognizedBy: Evidence;
}

/** `host:port` and bare hostname, lower case (a host mapping may name either), and the path. */
export function urlParts(url: string): { hosts: string[]; path: string } {
  try {
    const parsed = new URL(url);
    const hostname = parsed.hostname.toLowerCase();
    const host = parsed.host.toLowerCase();
    return { hosts: host === hostname ? [host] : [host, hostname], path: parsed.pathname };
  } catch {
    return { hosts: [], path: '/' };
  }
}

/** Whether a record has at least one own key, without listing them (asked once per exchange). */
function hasEntries(record: Readonly<Record<string, unknown>>): boolean {
  for (const _key in record) return true;
  return false;
}

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : pattern === host;
}

/**
 * The profiles in force: a team's or user's own first (a profile with a built-in's id replaces it),
 * then the built-ins, then the generic baseline.
 */
export class ProviderRegistry {
  readonly generic: Profile = GENERIC_PROFILE;
  /** Every profile except generic, user profiles first. */
  readonly profiles: readonly Profile[];
  readonly #byId = new Map<string, Profile>();
  readonly #failing2xx: readonly Profile[];

  constructor(userProfiles: readonly Profile[] = []) {
    const own = userProfiles.filter((p) => p.id !== 'generic');
    const ownIds = new Set(own.map((p) => p.id));
    this.profiles = [...own, ...BUILT_INS.filter((p) => !ownIds.has(p.id))];
    for (const profile of [...this.profiles, this.generic]) this.#byId.set(profile.id, profile);
    this.#failing2xx = this.profiles.filter((p) => p.document.failureWhen !== undefined);
  }

  byId(id: string): Profile | undefined {
    return this.#byId.get(id);
  }

  ids(): string[] {
    return [...this.#byId.keys()];
  }

  /** The profile whose hosts include one of `hosts` (user profiles first), with the host that matched. */
  ofHost(hosts: readonly string[]): { profile: Profile; host: string } | undefined {
    for (const profile of this.profiles)
      for (const pattern of profile.hosts)
        for (const host of hosts) if (hostMatches(pattern, host)) return { profile, host };
    return undefined;
  }

  /**
   * The provider, by host, whose contract can make a 2xx response a failure (Slack's `"ok": false`),
   * if any: only such providers' bodies need parsing for it. The user's host mapping decides first,
   * as in `recognize` (DESIGN.md "Recognition order"): a host mapped to Slack's profile (a proxy, an
   * Enterprise Grid domain) fails on `"ok": false` too, and a host mapped to a profile without such
   * a rule does not, whatever built-in host pattern it also matches.
   */
  failingIn2xxFor(exchange: Exchange, hostMap: Readonly<Record<string, string>> = {}): Profile | undefined {
    // Only with mappings is the URL parsed (its host with and without the port, as mapped).
    if (hasEntries(hostMap))
      for (const host of urlParts(exchange.url).hosts) {
        const id = Object.hasOwn(hostMap, host) ? hostMap[host] : undefined;
        const mapped = id === undefined ? undefined : this.byId(id);
        if (mapped !== undefined) return mapped.document.failureWhen !== undefined ? mapped : undefined;
      }
    if (this.#failing2xx.length === 0) return undefined;
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(exchange.url)?.[1]?.toLowerCase();
    if (host === undefined) return undefined;
    return this.#failing2xx.find((p) => p.hosts.some((pattern) => hostMatches(pattern, host)));
  }

  /**
   * Which provider's policy applies (DESIGN.md "Recognition order"): the user's host mapping, then a
   * known API host, then a header set or body shape only one provider produces, else the generic
   * baseline. The evidence says which of these decided.
   */
  recognize(
    exchange: Exchange,
    error: ErrorBody | undefined,
    json: unknown,
    hostMap: Readonly<Record<string, string>>,
    hosts: readonly string[],
  ): Recognized {
    for (const host of hosts) {
      const id = Object.hasOwn(hostMap, host) ? hostMap[host] : undefined;
      // The mapping comes from user storage: an id no profile in force has is ignored.
      const profile = id === undefined ? undefined : this.byId(id);
      if (profile !== undefined)
        return {
          profile,
          recognizedBy: { source: 'mapping', detail: `${host} is mapped to ${profile.name} in the settings` },
        };
    }
    const known = this.ofHost(hosts);
    if (known !== undefined)
      return {
        profile: known.profile,
        recognizedBy: { source: 'host', detail: `${known.host} is ${known.profile.name}'s API host` },
      };
    for (const profile of this.profiles) {
      const evidence = profile.signature(exchange, error, json);
      if (evidence !== undefined) return { profile, recognizedBy: evidence };
    }
    return {
      profile: this.generic,
      recognizedBy: {
        source: 'rule',
        detail: 'no mapping, known host or provider-specific shape: generic baseline',
      },
    };
  }
}

const BUILT_IN_REGISTRY = new ProviderRegistry();
const REGISTRIES = new WeakMap<readonly Profile[], ProviderRegistry>();

/** The registry for a set of user profiles, built once per set (callers keep the array while it holds). */
export function registryFor(userProfiles: readonly Profile[] | undefined): ProviderRegistry {
  if (userProfiles === undefined || userProfiles.length === 0) return BUILT_IN_REGISTRY;
  let registry = REGISTRIES.get(userProfiles);
  if (registry === undefined) {
    registry = new ProviderRegistry(userProfiles);
    REGISTRIES.set(userProfiles, registry);
  }
  return registry;
}
