import { providerHostNames } from './demo-hosts.ts';

/** Chromium's `--host-resolver-rules` value sending every provider host to the loopback address. */
export function hostResolverRules(): string {
  return providerHostNames()
    .map((host) => `MAP ${host} 127.0.0.1`)
    .join(', ');
}
