import { describe, expect, it } from 'vitest';
import { fieldKind, nameWords } from '../../../src/core/redact/index.ts';

describe('nameWords', () => {
  it('reads every spelling of a name as the same words', () => {
    expect(nameWords('DD-APPLICATION-KEY')).toEqual(['dd', 'application', 'key']);
    expect(nameWords('apiKey')).toEqual(['api', 'key']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
    expect(nameWords('billing_details[address][line1]')).toEqual([
      'billing',
      'details',
      'address',
      'line',
      '1',
    ]);
    expect(nameWords('X-Hub-Signature-256')).toEqual(['x', 'hub', 'signature', '256']);
  });
});

describe('fieldKind', () => {
  it.each([
    ['DD-APPLICATION-KEY', 'api-key'],
    ['Ocp-Apim-Subscription-Key', 'api-key'],
    ['X-Api-Key', 'api-key'],
    ['PRIVATE-TOKEN', 'token'],
    ['X-Hub-Signature-256', 'secret'],
    ['client_secret', 'secret'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['AccountKey', 'api-key'],
    ['refresh_token', 'token'],
    ['Authorization', 'credential'],
    ['sessionId', 'session'],
    ['name-last', 'name'],
    ['name-first', 'name'],
    ['card.holder', 'name'],
    ['customer[name]', 'name'],
    ['address-street-1', 'address'],
    ['billing_details[address][line1]', 'address'],
    ['postal_code', 'address'],
    ['date_of_birth', 'dob'],
    ['birthdate', 'dob'],
    ['phone_number', 'phone'],
    ['email_address', 'email'],
    ['ip_address', 'ip'],
    ['X-Forwarded-For', 'ip'],
    ['card[number]', 'card'],
    ['tax_id', 'national-id'],
    ['iban', 'iban'],
    // Held-out probe: glued words as HTTP/2 lower-cases them, and names the first corpus lacked.
    ['x-trackertoken', 'token'],
    ['asp.net_sessionid', 'session'],
    ['clientsecret', 'secret'],
    ['x-honeycomb-team', 'api-key'],
    ['connect.sid', 'session'],
    ['hmac', 'secret'],
    ['verification_code', 'password'],
    ['security_code', 'card'],
    ['security_answer', 'password'],
    ['seed_phrase', 'secret'],
    ['mnemonic', 'secret'],
    ['tax_file_number', 'national-id'],
    ['driver_license', 'national-id'],
    ['dni', 'national-id'],
    // Second held-out round: SCIM's displayName, a recipient, Stripe's bare line1, a GCP key
    // file's private_key_id, the AWS SDK's secretAccessKey as HTTP/2 lower-cases it.
    ['displayName', 'name'],
    ['recipient', 'name'],
    ['line1', 'address'],
    ['line2', 'address'],
    ['private_key_id', 'api-key'],
    ['secretaccesskey', 'secret'],
    ['x-accesskey', 'api-key'],
  ])('%s holds a %s', (name, kind) => {
    expect(fieldKind(name)).toBe(kind);
  });

  it.each([
    'name',
    'key',
    'Idempotency-Key',
    'monkey',
    'tokens_used',
    'max_tokens',
    'next_page_token',
    'token_type',
    'code',
    'error_code',
    'public_key',
    'sort_key',
    'Sec-WebSocket-Key',
    'X-Request-Id',
    'wallet_address',
    'mac_address',
    'password_policy',
    'AccountName',
    'display_name',
    'nextpagetoken',
    'x-nexttoken',
    'maxtoken',
    'zip_file_number',
    'line',
    'line_1_column',
    'appid',
    'public_key_id',
  ])('%s is not a sensitive field by itself', (name) => {
    expect(fieldKind(name)).toBeUndefined();
  });

  it('reads a generic name with the object it sits in', () => {
    expect(fieldKind('name', 'customer')).toBe('name');
    expect(fieldKind('name', 'billing_details')).toBe('name');
    expect(fieldKind('name', 'plan')).toBeUndefined();
    expect(fieldKind('name', 'error')).toBeUndefined();
    expect(fieldKind('number', 'card')).toBe('card');
  });
});
