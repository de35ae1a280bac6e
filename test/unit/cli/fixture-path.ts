import { fileURLToPath } from 'node:url';

/** Absolute path of a file under test/fixtures/cli. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/cli/${name}`, import.meta.url));
}

/** Secrets and personal data planted in mixed-providers.har (see its request headers and bodies). */
export const PLANTED = {
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfNDIiLCJpYXQiOjE3NjM2MzIwMDB9.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  perslyKey: 'psk_live_4f9a1c7e2b8d6a3f5e0c9b7a',
  ranexKey: 'rx_key_Zq8Lm2Nw5Tv7Yb3Kp6Hd',
  ranexSecret: 'rx_sec_9Gf4Jh2Kl7Mn3Pq8Rs5T',
  email: 'alex.doe@example.org',
  cookie: 's3ss10nV4lu3Abc123xyzQ',
  googleKey: 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
} as const;
