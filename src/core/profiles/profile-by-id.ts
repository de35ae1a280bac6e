import type { ProviderId } from '../diagnosis.ts';
import { errorEnvelope } from './error-envelope.ts';
import { generic } from './generic.ts';
import { persly } from './persly.ts';
import { persona } from './persona.ts';
import type { Profile } from './profile.ts';
import { privo } from './privo.ts';
import { ranex } from './ranex.ts';

const PROFILES: Readonly<Record<ProviderId, Profile>> = {
  persona,
  ranex,
  'error-envelope': errorEnvelope,
  persly,
  privo,
  generic,
};

/** The profile for a provider id (every ProviderId has one). */
export function profileById(id: ProviderId): Profile {
  return PROFILES[id];
}
