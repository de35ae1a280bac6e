import { PROVIDER_IDS } from '../diagnosis.ts';
import type { ErrorBody, Evidence, ProviderId } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { errorEnvelope } from './error-envelope.ts';
import { generic } from './generic.ts';
import { persly } from './persly.ts';
import { persona } from './persona.ts';
import type { Profile } from './profile.ts';
import { privo } from './privo.ts';
import { profileById } from './profile-by-id.ts';
import { ranex } from './ranex.ts';
import { urlParts } from './url-parts.ts';

const PROVIDERS: readonly Profile[] = [persona, ranex, errorEnvelope, persly, privo];

function fromMapping(
  hosts: readonly string[],
  hostMap: Readonly<Record<string, ProviderId>>,
): Recognized | undefined {
  for (const host of hosts) {
    const id = Object.hasOwn(hostMap, host) ? hostMap[host] : undefined;
    // The mapping comes from user storage: an id this version does not know is ignored.
    if (id !== undefined && PROVIDER_IDS.includes(id))
      return {
        profile: profileById(id),
        recognizedBy: { source: 'mapping', detail: `${host} is mapped to ${id} in the settings` },
      };
  }
  return undefined;
}

function fromKnownHost(hosts: readonly string[]): Recognized | undefined {
  for (const profile of PROVIDERS)
    for (const host of hosts)
      if (profile.hosts.includes(host))
        return { profile, recognizedBy: { source: 'host', detail: `${host} is ${profile.name}'s API host` } };
  return undefined;
}

function fromShape(exchange: Exchange, error: ErrorBody | undefined): Recognized | undefined {
  for (const profile of PROVIDERS) {
    const evidence = profile.recognize(exchange, error);
    if (evidence !== undefined) return { profile, recognizedBy: evidence };
  }
  return undefined;
}

export interface Recognized {
  profile: Profile;
  recognizedBy: Evidence;
}

/**
 * Which provider's policy applies (DESIGN.md "Recognition order"): the user's host mapping, then a
 * known API host, then a body shape or header set unique to one provider, else the generic baseline.
 */
export function recognizeProfile(
  exchange: Exchange,
  error: ErrorBody | undefined,
  hostMap: Readonly<Record<string, ProviderId>> = {},
  hosts: readonly string[] = urlParts(exchange.url).hosts,
): Recognized {
  return (
    fromMapping(hosts, hostMap) ??
    fromKnownHost(hosts) ??
    fromShape(exchange, error) ?? {
      profile: generic,
      recognizedBy: {
        source: 'rule',
        detail: 'no mapping, known host or provider-specific shape: generic baseline',
      },
    }
  );
}
