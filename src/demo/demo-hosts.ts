import type { DemoHost } from './demo-scenario.ts';

export type ProviderHost = Exclude<DemoHost, 'local'>;

/**
 * The API hosts the demo page calls. Persona's and Persly's are their real, documented hosts
 * (persona.txt › "Error codes", persly.txt › "Error Handling Examples"), which the classifier
 * recognises. Ranex, the error-envelope API and PRIVO document no host, so they get names under
 * the reserved `.example` TLD (RFC 2606) and are recognised by headers and body shape, or (PRIVO)
 * by a host mapping in the panel settings. The launcher maps every name to the demo server with
 * Chromium's `--host-resolver-rules` (Firefox: the `network.dns.localDomains` pref); nothing ever
 * leaves the machine.
 */
export const PROVIDER_HOSTS: Readonly<Record<ProviderHost, string>> = {
  persona: 'api.withpersona.com',
  ranex: 'api.ranex.example',
  'error-envelope': 'api.error-envelope.example',
  persly: 'api.persly.ai',
  privo: 'api.privo.example',
};

/**
 * Host names that reach the demo server in a browser nobody configured (a developer loading the
 * build by hand): every browser resolves `*.localhost` to the loopback address (RFC 6761 §6.3).
 * Recognition then falls back to body shape, or to a host → profile mapping in the panel settings.
 */
export const LOOPBACK_HOSTS: Readonly<Record<ProviderHost, string>> = {
  persona: 'persona.localhost',
  ranex: 'ranex.localhost',
  'error-envelope': 'error-envelope.localhost',
  persly: 'persly.localhost',
  privo: 'privo.localhost',
};

export const providerHostNames = (): string[] => Object.values(PROVIDER_HOSTS);

/**
 * The settings the demo starts the panel with: a host → profile mapping for each demo host the
 * classifier cannot recognise on its own. PRIVO documents neither a host nor a body shape
 * (privo.txt), so without it the demo's PRIVO rows would show as generic; the mapping is the one a
 * user adds in Settings (or an organisation presets in managed storage), not a product special case.
 */
export function demoSettings(): { hostMap: Record<string, string> } {
  return { hostMap: { [PROVIDER_HOSTS.privo]: 'privo' } };
}
