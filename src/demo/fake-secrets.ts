/**
 * Fake credentials and personal data the demo plants in one response so the ticket redaction can
 * be seen (and checked end to end). Every value is assembled at runtime from harmless pieces so the
 * repository itself contains no string that a secret scanner would take for a real credential.
 */
export interface FakeSecrets {
  stripeKey: string;
  awsKeyId: string;
  githubToken: string;
  jwt: string;
  email: string;
  phone: string;
  cardNumber: string;
  iban: string;
  /** Credentials the demo page sends in request headers, as a real integration would. */
  personaApiKey: string;
  ranexApiKey: string;
  ranexApiSecret: string;
  perslyApiKey: string;
}

const base64Url = (text: string): string =>
  btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function fakeJwt(): string {
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64Url(JSON.stringify({ sub: 'demo-user-42', name: 'Demo User', iat: 1700000000 }));
  return [header, payload, 'ZGVtby1zaWduYXR1cmUtbm90LXJlYWwtMDEyMzQ1Njc4OQ'].join('.');
}

export function fakeSecrets(): FakeSecrets {
  return {
    stripeKey: ['sk', 'live', 'DeMo'.repeat(6) + '00'].join('_'),
    awsKeyId: 'AK' + 'IA' + 'DEMO' + 'EXAMPLE' + '4242',
    githubToken: 'gh' + 'p_' + 'Demo0Token1Value2Not3Real4Xyz5'.padEnd(36, 'q'),
    jwt: fakeJwt(),
    email: ['jane.doe', 'example.com'].join('@'),
    phone: '+1 ' + '415 555 ' + '0142',
    // A Luhn-valid test card number (the networks' documented test range), never a real card.
    cardNumber: ['4111', '1111', '1111', '1111'].join(' '),
    iban: 'GB82' + ' WEST' + ' 1234' + ' 5698' + ' 7654' + ' 32',
    personaApiKey: 'persona_' + 'sandbox_' + 'd3m0'.repeat(8),
    ranexApiKey: 'rx' + 'k_' + 'Demo'.repeat(7),
    ranexApiSecret: 'rx' + 's_' + 'Secret0Demo'.repeat(3),
    perslyApiKey: 'sk-' + 'persly-' + 'demo'.repeat(8),
  };
}

/** Every planted value, for callers that check none of them leaked. */
export function plantedValues(secrets: FakeSecrets = fakeSecrets()): string[] {
  return Object.values(secrets);
}
