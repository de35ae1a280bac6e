import type { ProviderId } from '../core/diagnosis.ts';
import { BUILT_IN_PROVIDER_IDS } from '../core/profiles/index.ts';

export type HostMappingResult =
  { ok: true; host: string; profile: ProviderId } | { ok: false; error: string };

/**
 * The host part as the classifier will see it: `new URL(...).hostname` of the exchange's URL is
 * lowercase and punycoded, so the key is normalised the same way; a port, path or scheme is refused
 * rather than silently dropped, because the mapping would then never match.
 */
function normaliseHost(text: string): string | undefined {
  try {
    const url = new URL(`http://${text}/`);
    const plain = url.hostname !== '' && url.host === url.hostname && url.pathname === '/';
    return plain && url.username === '' && url.search === '' && url.hash === '' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One `--map HOST=PROFILE` value: a host name and one of the profile ids the classifier knows (the
 * built-ins, or `knownIds` when `--profile` files were loaded).
 */
export function parseHostMapping(
  value: string,
  knownIds: readonly string[] = BUILT_IN_PROVIDER_IDS,
): HostMappingResult {
  const eq = value.indexOf('=');
  if (eq === -1) return { ok: false, error: `--map "${value}": expected HOST=PROFILE` };
  const hostText = value.slice(0, eq).trim();
  const profile = value
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  const host = hostText === '' ? undefined : normaliseHost(hostText);
  if (host === undefined)
    return { ok: false, error: `--map "${value}": "${hostText}" is not a host name (e.g. api.example.com)` };
  if (!knownIds.includes(profile))
    return {
      ok: false,
      error: `--map "${value}": unknown profile "${profile}" (one of: ${knownIds.join(', ')})`,
    };
  return { ok: true, host, profile };
}
