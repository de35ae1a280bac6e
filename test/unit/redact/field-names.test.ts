import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldKind, looksGenerated, nameWords } from '../../../src/core/redact/index.ts';
import { fitsKind, ValueSearches } from '../../../src/core/redact/field-names.ts';

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

  it('reads a letter past ASCII as a letter, without its accents', () => {
    expect(nameWords('contraseña')).toEqual(['contrasena']);
    expect(nameWords('henkilötunnus')).toEqual(['henkilotunnus']);
    expect(nameWords('Straße_Nummer')).toEqual(['straße', 'nummer']);
    expect(nameWords('ÜberKey')).toEqual(['uber', 'key']);
    // Symbols and other non-letters still separate words.
    expect(nameWords('price€total')).toEqual(['price', 'total']);
  });
});

describe("a container's words say whose name it holds", () => {
  it('a person word after `to` names a kind of traffic, not an owner', () => {
    expect(fieldKind('name', 'us_app_to_person_usecases')).toBeUndefined();
    expect(fieldKind('name', 'billing_details')).toBe('name');
    expect(fieldKind('name', 'recipient')).toBe('name');
  });
});

describe('keys that name a record, not a credential', () => {
  it.each([
    'incident_key',
    'alert_key',
    'dedup_key',
    'templateKey',
    'taxonomy_key',
    'enumOptionKey',
    'ruleset_key',
    'residentKey',
    'event_payload_key',
    'version_token',
    'idempotency_token',
    // GitHub REST "Code scanning": the workflow file and job an analysis ran in.
    'analysis_key',
  ])('%s', (name) => {
    expect(fieldKind(name)).toBeUndefined();
  });
});

describe('held-out names of credentials and national identifiers (secretlint, detect-secrets, Presidio)', () => {
  it.each([
    ['X-JFrog-Art-Api', 'api-key'],
    ['tin', 'national-id'],
    ['taxpayer_tin', 'national-id'],
    ['npi', 'national-id'],
    ['provider_npi', 'national-id'],
    ['kvnr', 'national-id'],
    ['rvnr', 'national-id'],
    ['pasaporte', 'national-id'],
    ['numero_passaporto', 'national-id'],
    ['passeport', 'national-id'],
  ])('%s is %s', (name, kind) => {
    expect(fieldKind(name)).toBe(kind);
  });

  it.each(['title', 'tint', 'destination', 'spinner', 'art', 'input'])('%s names nothing', (name) => {
    expect(fieldKind(name)).toBeUndefined();
  });
});

describe('password fields in other spellings', () => {
  it.each([
    ['db_pass', 'password'],
    ['dbPass', 'password'],
    ['key_pass', 'password'],
    ['SMTP_PASS', 'password'],
    ['database_pass', 'password'],
    ['contraseña', 'password'],
    ['contrasena', 'password'],
    ['Passwort', 'password'],
    ['senha', 'password'],
    ['mot_de_passe', 'password'],
    ['db_passwort', 'password'],
    ['henkilötunnus', 'national-id'],
  ])('%s is %s', (name, kind) => {
    expect(fieldKind(name)).toBe(kind);
  });

  it.each(['pass', 'boarding_pass', 'first_pass', 'season_pass', 'bypass', 'pass_count', 'passengers'])(
    '%s names no password',
    (name) => {
      expect(fieldKind(name)).toBeUndefined();
    },
  );
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

describe('looksGenerated', () => {
  it.each([
    ['an OAuth code (RFC 6749 §4.1.2 example)', 'SplxlOBeZQQYbYS6WxSbIA'],
    ['a Google OAuth code', '4/0AX4XfWhAbCdEfGhIjKlMnOpQrStUvWxYz'],
    ['a base64url key', 'nxehrEQ3H0cfuAOcDRvZ7jrPVQcd3S56-rUpQpda'],
    ['a 32-digit hex key (OpenWeather appid)', 'f92de1b55db576538c291c8946ebc074'],
    ['base64 with padding', 'K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols='],
    ['a user and a generated password', 'svc-deploy:Zq8W2xK9pLm4Rt7vB1cD'],
  ])('takes %s for a generated value', (_label, value) => {
    expect(looksGenerated(value)).toBe(true);
  });

  it.each([
    ['an error code in PascalCase with a digit', 'InvalidParameterValue2'],
    ['an upper-case error code with a status', 'ERR_BAD_REQUEST_400'],
    ['a snake_case code with a year', 'resource_missing_2024'],
    ['a UUID (an idempotency key, an object id)', '550e8400-e29b-41d4-a716-446655440000'],
    ['an object path', 'photos/2024/IMG_1234.jpg'],
    ['a short hex digest', '8d2c6a3f1b0e4c7a'],
    ['a word', 'card_declined'],
    ["an attribute key qualified by its owner's id (Square)", 'sq0idp-LJ1Kr4Iim0hGDvAwrv8HIB:favorite-drink'],
    ['a UUID qualified by its owner', 'square:a0f1505a-2aa1-490d-91a8-8d31ff181808'],
  ])('leaves %s alone', (_label, value) => {
    expect(looksGenerated(value)).toBe(false);
  });

  it('takes nearly every random base-62 string of 24 characters, and no run of words', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let state = 7;
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    let generated = 0;
    for (let n = 0; n < 1000; n++) {
      let value = '';
      for (let i = 0; i < 24; i++) value += alphabet[Math.floor(next() * alphabet.length)];
      if (looksGenerated(value)) generated++;
    }
    expect(generated).toBeGreaterThan(950);
    expect(looksGenerated('CustomerAccountSuspendedUntil2027')).toBe(false);
  });
});

describe("a bank's own number", () => {
  it('is a bank number, not a national id (Square `primary_bank_identification_number`)', () => {
    expect(fieldKind('primary_bank_identification_number')).toBe('bank-account');
    expect(fieldKind('identification_number')).toBe('national-id');
  });
});

describe('national identifiers under other spellings of their names', () => {
  it.each([
    'aadhaar_number',
    'nric',
    'medicare',
    'voter_id',
    'passport_no',
    'id_card_number',
    'identity_card',
    'emirates_id',
    'cnp',
    'oib',
    'egn',
  ])('%s', (name) => {
    expect(fieldKind(name)).toBe('national-id');
  });

  it("still reads a payment card's number as a card", () => {
    expect(fieldKind('card_number')).toBe('card');
    expect(fieldKind('credit_card_number')).toBe('card');
  });
});

describe('fitsKind of an email', () => {
  it('finds its @ within the first 256 characters of the value (RFC 5321 §4.5.3.1)', () => {
    const address = `${'a'.repeat(64)}@example.com`;
    expect(fitsKind('email', address, 0, address.length)).toBe(true);
    expect(fitsKind('email', `"${'Jane Doe '.repeat(20)}" <jane@example.com>`, 0, 200)).toBe(true);
    // An unquoted run where `email=` recurs: no address, however far its end.
    const run = `${'::[email='.repeat(40)}@example.com`;
    expect(fitsKind('email', run, 0, run.length)).toBe(false);
    // Nor past the value's end.
    expect(fitsKind('email', 'jane.doe example.com @', 0, 8)).toBe(false);
  });
});

describe('fitsKind of a digit kind', () => {
  it('finds its digits within the first 64 characters of the value', () => {
    expect(fitsKind('phone', 'Mobile (work): +44 20 7946 0000', 0, 31)).toBe(true);
    expect(fitsKind('ip', '2001:db8::1', 0, 11)).toBe(true);
    // An unquoted run where `ip=` recurs: no address, however far its end.
    const run = `${'::[ip='.repeat(40)}10.0.0.1`;
    expect(fitsKind('ip', run, 0, run.length)).toBe(false);
  });
});

describe('ValueSearches', () => {
  it('answers every search of one text as a fresh search does, whatever searches came before', () => {
    // Searches mostly move forward over overlapping ranges (the values of an assignment-dense
    // text), sometimes back; each answer must be what reading the range itself gives.
    const text = fc
      .array(fc.constantFrom('a', ':', '=', '@', '1', '7', ' ', 'é'), { maxLength: 300 })
      .map((c) => c.join(''));
    const search = fc.tuple(fc.nat(320), fc.nat(90), fc.constantFrom(1, 4), fc.boolean());
    fc.assert(
      fc.property(text, fc.array(search, { maxLength: 40 }), (value, searches) => {
        const remembered = new ValueSearches();
        let start = 0;
        for (const [jump, length, needed, back] of searches) {
          start = back ? jump % (value.length + 1) : Math.min(value.length, start + (jump % 12));
          const stop = Math.min(value.length, start + length);
          const range = value.slice(start, stop);
          expect(remembered.hasAt(value, start, stop), `@ ${start}-${stop} of ${value}`).toBe(
            range.includes('@'),
          );
          const digits = range.replace(/[^0-9]/g, '').length;
          expect(
            remembered.hasDigits(value, start, stop, needed),
            `${needed} digits ${start}-${stop} of ${value}`,
          ).toBe(digits >= needed);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
