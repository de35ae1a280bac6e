import { describe, expect, it } from 'vitest';
import { redactJson } from '../../../src/core/redact/index.ts';
import { redactJsonText } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';
import { luhnNumber } from '../../fixtures/redact/planted-values.ts';

/** The parsed-tree walk (redactJson) and the text scan (redactJsonText) of one document agree. */
function expectBothWalkers(input: unknown, expected: unknown): void {
  expect(redactJson(input, new RedactionSession())).toEqual(expected);
  expect(JSON.parse(redactJsonText(JSON.stringify(input), new RedactionSession()) ?? 'null')).toEqual(
    expected,
  );
}

describe('redactJson', () => {
  it('replaces values under sensitive names whole, at any depth, and leaves the input alone', () => {
    const input = {
      data: [{ applicant: { first_name: 'Ada', last_name: 'Lovelace', password: 'pw-123', pin: 1234 } }],
      address: { street: '12 Analytical Row', city: 'London' },
      count: 3,
    };
    const copy = structuredClone(input);
    const out = redactJson(input, new RedactionSession());
    expect(input).toEqual(copy);
    expect(out).toEqual({
      data: [
        {
          applicant: {
            first_name: '[name-1]',
            last_name: '[name-2]',
            password: '[password-1]',
            pin: '[password-2]',
          },
        },
      ],
      address: { street: '[address-1]', city: '[address-2]' },
      count: 3,
    });
  });

  it("lets a value's own key decide before the sensitive container it sits in, in both walkers", () => {
    // A name under a national-id container cannot fit a national id: read as one, it fell to the
    // detectors, which do not find names in free text (found by never-leaks.property.test.ts).
    const input = {
      national_id: { holder_name: 'Wendelin Trautmannsdorf', kind: 'passport' },
      billing_address: { name: 'Ada Lovelace', phone: '+1 415 555 0199', street: '12 Analytical Row' },
    };
    const expected = {
      national_id: { holder_name: '[name-1]', kind: 'passport' },
      billing_address: { name: '[name-2]', phone: '[phone-1]', street: '[address-1]' },
    };
    expectBothWalkers(input, expected);
  });

  it('keeps null, booleans and ordinary numbers under sensitive names', () => {
    expect(redactJson({ token: null, session_active: true, zip: 94107 }, new RedactionSession())).toEqual({
      token: null,
      session_active: true,
      zip: '[address-1]',
    });
  });

  it("keeps a format string's unfilled slot under a sensitive name: the client sent its template", () => {
    const text = JSON.stringify({
      password: '%s',
      db_pass: '%(password)s',
      api_key: '{}',
      secret: 'hunter2%s',
    });
    expect(JSON.parse(redactJsonText(text, new RedactionSession()) ?? '')).toEqual({
      password: '%s',
      db_pass: '%(password)s',
      api_key: '{}',
      secret: '[secret-1]',
    });
  });

  it('reads keys that differ only in their numbers alike, and keeps UUID keys as they are', () => {
    const input = {
      billing_address: { line1: 'Flat 2', line2: '10 High St' },
      item_1: 'a',
      item_22: 'b',
      x_api_key_2: 'Zx8kQ2mN9pL4rT7vB1cD',
      x_api_key_31: 'Yw7jP1lM8oK3qS6uA0bC',
      '550e8400-e29b-41d4-a716-446655440000': { status: 'active' },
    };
    // The item_* and UUID keys stay as they were.
    const expected = {
      ...input,
      billing_address: { line1: '[address-1]', line2: '[address-2]' },
      x_api_key_2: '[api-key-1]',
      x_api_key_31: '[api-key-2]',
    };
    expect(JSON.parse(redactJsonText(JSON.stringify(input), new RedactionSession()) ?? 'null')).toEqual(
      expected,
    );
  });

  it('redacts detected values in ordinary strings and in object keys', () => {
    const out = redactJson({ 'ann@x.test': { note: 'call +44 20 7946 0321' } }, new RedactionSession());
    expect(out).toEqual({ '[email-1]': { note: 'call [phone-1]' } });
  });

  it('walks a very deep document without overflowing the call stack', () => {
    let deep: unknown = { password: 'deep-secret' };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let out = redactJson(deep, new RedactionSession());
    for (let i = 0; i < 100_000; i++) out = (out as unknown[])[0];
    expect(out).toEqual({ password: '[password-1]' });
  });

  it('keeps a "__proto__" key as data', () => {
    const input = JSON.parse('{"__proto__": {"password": "x-secret"}}') as unknown;
    const out = redactJson(input, new RedactionSession()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ password: '[password-1]' });
  });

  it('redactJsonText returns undefined for text that is not JSON, and keeps indentation', () => {
    expect(redactJsonText('{nope', new RedactionSession())).toBeUndefined();
    expect(redactJsonText('{\n  "email": "a@x.test"\n}', new RedactionSession())).toBe(
      '{\n  "email": "[email-1]"\n}',
    );
  });

  it('redactJsonText hands anything outside strings that is not JSON back to the text redactor', () => {
    expect(redactJsonText('{"a": 1} trailing words', new RedactionSession())).toBeUndefined();
    expect(redactJsonText("{ password: 'x-secret' }", new RedactionSession())).toBeUndefined();
    expect(redactJsonText('{"a": "unterminated', new RedactionSession())).toBeUndefined();
  });

  it('redactJsonText reads arrays nested in arrays under the name of the outer one', () => {
    expect(
      redactJsonText(
        '{"password": [[["hunter2-x"], 1234]], "ids": [[["a1"]], [{"email": "a@x.test"}]]}',
        new RedactionSession(),
      ),
    ).toBe('{"password": [[["[password-1]"], "[password-2]"]], "ids": [[["a1"]], [{"email": "[email-1]"}]]}');
    expect(redactJsonText('[[[]]', new RedactionSession())).toBeUndefined();
    expect(redactJsonText('[[[]]]]', new RedactionSession())).toBeUndefined();
    const deep = `${'['.repeat(100_000)}"a@x.test"${']'.repeat(100_000)}`;
    expect(redactJsonText(deep, new RedactionSession())).toBe(
      `${'['.repeat(100_000)}"[email-1]"${']'.repeat(100_000)}`,
    );
  });

  it('redactJsonText decodes escaped keys and values, and turns sensitive numbers into strings', () => {
    expect(redactJsonText('{"pass\\u0077ord": "x-1", "pin": 1234, "n": 1e3}', new RedactionSession())).toBe(
      '{"pass\\u0077ord": "[password-1]", "pin": "[password-2]", "n": 1e3}',
    );
    expect(redactJsonText('{"note": "ann\\u0040x.test"}', new RedactionSession())).toBe(
      '{"note": "[email-1]"}',
    );
    expect(redactJsonText('{"note": "mail \\"ann@x.test\\""}', new RedactionSession())).toBe(
      '{"note": "mail \\"[email-1]\\""}',
    );
  });
});

describe('a JSON string is judged by its decoded characters', () => {
  it('a token spelled with escapes is found though no run of its source is long enough to open the token gate', () => {
    // The scan's gates of a string with no escape are handed to the text redactor; with an escape
    // the decoded characters differ (here a 40-character GitHub token, each source run under 20).
    const token = 'ghp_x8Kd2Lm9Qp4Rt7Vw1Yz3Bn5Cf6Gh0Jk8Mn2Pq';
    // Every tenth character written as a \u escape.
    const source = [...token]
      .map((char, i) => (i % 10 === 9 ? `\\u00${char.charCodeAt(0).toString(16)}` : char))
      .join('');
    const text = `{"note":"see ${source} now"}`;
    expect(JSON.parse(text)).toEqual({ note: `see ${token} now` });
    for (const run of source.split('\\')) expect(run.length).toBeLessThan(20);
    const out = redactJsonText(text, new RedactionSession()) ?? '';
    expect(JSON.parse(out)).toEqual({ note: 'see [token-1] now' });
    // The same token with no escape, whose gates the scan hands over, is found as well.
    const plain = redactJsonText(JSON.stringify({ note: `see ${token} now` }), new RedactionSession());
    expect(JSON.parse(plain ?? 'null')).toEqual({ note: 'see [token-1] now' });
  });
});

describe('an identifier field holding digits is an identifier', () => {
  // Luhn-valid numbers of lengths card networks issue (Diners 15, Discover 16), as Stripe's
  // network_transaction_id and other issuers' numeric ids come.
  const diners = luhnNumber('36', 15, 21);
  const discover = luhnNumber('6011', 16, 22);

  it('keeps the digits of `*_id` and `*Ids` fields, under a card too, in both walkers', () => {
    const input = {
      payment_method_details: { card: { network_transaction_id: diners, brand: 'visa' } },
      orderIds: [discover],
      id: discover,
    };
    expectBothWalkers(input, input);
  });

  it('still reads the same digits as a card anywhere else', () => {
    expectBothWalkers(
      { note: `paid with ${discover}`, card_number: diners, reference: discover },
      { note: 'paid with [card-1]', card_number: '[card-2]', reference: '[card-1]' },
    );
  });

  it('a value judged elsewhere is replaced in an identifier too, once the session is sealed', () => {
    const input = { card_number: diners, charges: [{ network_transaction_id: diners }], ids: [diners] };
    const expected = {
      card_number: '[card-1]',
      charges: [{ network_transaction_id: '[card-1]' }],
      ids: ['[card-1]'],
    };
    const tree = new RedactionSession();
    redactJson(input, tree);
    tree.seal();
    expect(redactJson(input, tree)).toEqual(expected);
    const scan = new RedactionSession();
    redactJsonText(JSON.stringify(input), scan);
    scan.seal();
    expect(JSON.parse(redactJsonText(JSON.stringify(input), scan) ?? 'null')).toEqual(expected);
  });

  it('an identifier that is not only digits is still read by the detectors', () => {
    expectBothWalkers({ user_id: 'ann@mail.example' }, { user_id: '[email-1]' });
  });
});

describe("a language model's output keeps its tokens", () => {
  it('keeps the tokens of logprobs (OpenAI Chat Completions shape), in both walkers', () => {
    const input = {
      choices: [
        {
          logprobs: {
            content: [
              {
                token: 'Hello',
                logprob: -0.31,
                bytes: [72, 101, 108, 108, 111],
                top_logprobs: [{ token: 'Hi', logprob: -1.2, bytes: [72, 105] }],
              },
              { token: ' knee', logprob: -0.02, bytes: [32, 107, 110, 101, 101] },
              { token: ',', logprob: -0.5, bytes: [44] },
            ],
          },
        },
      ],
    };
    expectBothWalkers(input, input);
  });

  it('still replaces a token a client sent or received', () => {
    expectBothWalkers(
      { token: 'tok9f3k2m8q7x1', session: { token: 'a1b2c3d4' } },
      { token: '[token-1]', session: { token: '[token-2]' } },
    );
  });

  it('keeps the model and the label a session or key object describes itself with', () => {
    expectBothWalkers(
      {
        session: { model: 'gpt-realtime', client_secret: { value: 'ek_68af296e8e408191a1120ab6383263c2' } },
        api_key: { name: 'Secret Key', value: 'sk-abcdefghijklmnop123' },
        customer: { name: 'Ada Lovelace' },
      },
      {
        session: { model: 'gpt-realtime', client_secret: { value: '[secret-1]' } },
        api_key: { name: 'Secret Key', value: '[api-key-1]' },
        customer: { name: '[name-1]' },
      },
    );
  });
});

describe('payment APIs: geography no smaller than a state, descriptions and dates stay', () => {
  it('keeps the state and country of an address, a description, a reference and a date of signature, in both walkers', () => {
    // Records that come back as they went.
    const unchanged = {
      accountHolder: { description: 'Your description of the account holder', reference: 'Your reference' },
      sepadirectdebit: { dateOfSignature: '2024-05-02', 'mandate.dateOfSignature': '2024-05-03' },
      organization: {
        tradingName: 'Explorer Company',
        legalName: 'Explorer Company B.V.',
        displayName: 'Explorer',
      },
    };
    expectBothWalkers(
      {
        billing: {
          address: {
            street: '71 5th Avenue',
            city: 'New York',
            stateOrProvince: 'NY',
            postalCode: '10003',
            country: 'US',
          },
        },
        shipping_address: {
          address_line_1: '1234 Main Street',
          postal_code: '95131',
          country_code: 'US',
          state: 'CA',
        },
        ...unchanged,
        customer: {
          name: 'Ada Lovelace',
          date_of_birth: '1990-01-31',
          description: 'VIP, call ada@example.com',
        },
      },
      {
        billing: {
          address: {
            street: '[address-1]',
            city: '[address-2]',
            stateOrProvince: 'NY',
            postalCode: '[address-3]',
            country: 'US',
          },
        },
        shipping_address: {
          address_line_1: '[address-4]',
          postal_code: '[address-5]',
          country_code: 'US',
          state: 'CA',
        },
        ...unchanged,
        customer: { name: '[name-1]', date_of_birth: '[dob-1]', description: 'VIP, call [email-1]' },
      },
    );
  });
});

describe("GitHub's REST API examples: what a name calls sensitive that is not", () => {
  it('keeps a public key under a credential name, and still judges its comment', () => {
    const armoured = [
      '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      '',
      'mQINBGN0aGVyIGtleSBtYXRlcmlhbCBmb3IgYSB0ZXN0IG9mIHRoZSBwdWJsaWMga2V5',
      '=Xa3Q',
      '-----END PGP PUBLIC KEY BLOCK-----',
    ].join('\n');
    const ssh = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3v9J2kQ7xT4mN8pL1sR6wY0zB5cD2eF9gH4jK7lM3n';
    const privatePem = [
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      '-----END PRIVATE KEY-----',
    ];
    expectBothWalkers(
      {
        gpg_key: { raw_key: armoured, key_id: '3262EFF25BA0D270' },
        ssh_key: { key: `${ssh} ${['jane', 'example.com'].join('@')}` },
        private_key: privatePem.join('\n'),
        api_key: `${ssh.slice(0, 12)}not-a-key`,
      },
      {
        gpg_key: { raw_key: armoured, key_id: '3262EFF25BA0D270' },
        ssh_key: { key: `${ssh} [email-1]` },
        private_key: '[private-key-1]',
        api_key: '[api-key-1]',
      },
    );
  });

  it('keeps a URL under the name of a number or date (an emoji map), and the fields of a secrets list', () => {
    const image = (code: string) =>
      `https://github.githubassets.com/images/icons/emoji/unicode/${code}.png?v8`;
    const emojis = { phone: image('1f4f1'), fax: image('1f4e0'), birthday: image('1f382') };
    const secrets = {
      total_count: 1,
      secrets: [{ name: 'GH_TOKEN', created_at: '2021-01-01T00:00:00Z', visibility: 'private' }],
    };
    expectBothWalkers({ emojis, ...secrets }, { emojis, ...secrets });
    expectBothWalkers({ phone: '+1 415 555 0100' }, { phone: '[phone-1]' });
  });
});

describe("Okta's Management API examples: how a credential is used is no credential", () => {
  it('keeps the settings, templates, methods and lifetimes under a credential, and replaces the secrets', () => {
    const settings = {
      credentials: {
        userNameTemplate: { template: '${source.email}', type: 'BUILT_IN' },
        signing: { kid: 'mXtzOtml09Dg1ZCeKxTRBo3KrQhBWfEKXRxyqj', rotationMode: 'AUTO' },
      },
      protocol: {
        endpoints: { authorization: { url: 'https://x.example/authorize', binding: 'HTTP-REDIRECT' } },
      },
      recoveryToken: { tokenLifetimeMinutes: 10080 },
      _links: { resetPassword: { href: 'https://x.example/lifecycle/reset_password', method: 'POST' } },
    };
    expectBothWalkers(
      {
        ...settings,
        password: { value: 'hunter2hunter2', hash: { algorithm: 'BCRYPT', salt: 'rwh3vH166HCH' } },
      },
      {
        ...settings,
        password: { value: '[password-1]', hash: { algorithm: 'BCRYPT', salt: '[password-2]' } },
      },
    );
  });
});

describe("Okta's Management API examples: names of things and of roles, and a manager's", () => {
  it("keeps a scope's or a target's displayName and a role account, and replaces a manager's name", () => {
    const things = {
      _embedded: { scopes: [{ name: 'openid', displayName: 'openid' }] },
      target: [{ displayName: 'Okta Admin Console' }],
    };
    expectBothWalkers(
      {
        ...things,
        profile: { userName: 'admin', manager: 'Donald Glover', managerId: '00ub0oNGTSWTBKOLGLNR' },
        note: 'Perform all admin activities',
      },
      {
        ...things,
        profile: { userName: 'admin', manager: '[name-1]', managerId: '00ub0oNGTSWTBKOLGLNR' },
        note: 'Perform all admin activities',
      },
    );
  });
});

describe("a schema's words about a personal field are no personal data (Okta's profile schema)", () => {
  it('keeps the title, pattern, lengths and mapping expression of a field named like a person', () => {
    const schema = {
      properties: {
        firstName: {
          title: 'First name',
          type: 'string',
          minLength: 1,
          maxLength: 50,
          mutability: 'READ_WRITE',
        },
      },
      mappings: { fullName: { expression: 'user.firstName + user.lastName' } },
    };
    expectBothWalkers(
      { ...schema, customer: { first_name: 'Ada' } },
      { ...schema, customer: { first_name: '[name-1]' } },
    );
  });
});

describe('SCIM resources and lists of people', () => {
  const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
  const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

  it("keeps a Group's displayName and replaces a User's, in a list of both (RFC 7643 §4.1.1, §4.2)", () => {
    expectBothWalkers(
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        Resources: [
          { schemas: [GROUP], id: 'e9e30dba', displayName: 'Tour Guides' },
          { schemas: [USER], id: '2819c223', displayName: 'Babs Jensen' },
        ],
      },
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        Resources: [
          { schemas: [GROUP], id: 'e9e30dba', displayName: 'Tour Guides' },
          { schemas: [USER], id: '2819c223', displayName: '[name-1]' },
        ],
      },
    );
  });

  it("reads a group's schemas only for the fields after them, as the text scan meets them", () => {
    expectBothWalkers(
      { displayName: 'Babs Jensen', schemas: [GROUP] },
      { displayName: '[name-1]', schemas: [GROUP] },
    );
  });

  it("replaces the names of the people a list holds: users[].name, a group's members[].display", () => {
    expectBothWalkers(
      {
        users: [{ id: 1, name: 'Kyler Kuhn' }],
        members: [{ value: '2819c223', display: 'Babs Jensen' }],
        beneficiaries: [{ name: 'Ada Lovelace' }],
        plans: [{ name: 'Pro' }],
      },
      {
        users: [{ id: 1, name: '[name-1]' }],
        members: [{ value: '2819c223', display: '[name-2]' }],
        beneficiaries: [{ name: '[name-3]' }],
        plans: [{ name: 'Pro' }],
      },
    );
  });
});

describe('a sensitive container keeps the fields that describe it', () => {
  it('leaves the type, times, scope and ids of a session or token object, in both walkers', () => {
    // Every field of the session's user describes it: the user comes back unchanged.
    const user = {
      id: '8c5f7b2e-1d0a-4c55-9a2f-3b1e7d6c9a10',
      role: 'authenticated',
      created_at: '2024-09-01T10:00:00Z',
    };
    const input = {
      session: {
        access_token: 'abcDEF123456ghiJKL789mno',
        token_type: 'bearer',
        expires_in: 3600,
        expires_at: 1727003600,
        user,
        value: 'opaque-session-value-1',
      },
      token: { token_type: 'Bearer', scope: 'read write', status: 'active', data: 'kept-by-no-name' },
    };
    const expected = {
      session: {
        access_token: '[token-1]',
        token_type: 'bearer',
        expires_in: 3600,
        expires_at: 1727003600,
        user,
        value: '[session-1]',
      },
      token: { token_type: 'Bearer', scope: 'read write', status: 'active', data: '[token-2]' },
    };
    expectBothWalkers(input, expected);
  });

  it("keeps dates, links and counts the container's kind cannot be, in both walkers", () => {
    // Shapes from vendors' own examples: Twilio's `credentials[]` resources, Plaid's identity
    // match `address` scores. A date under a birth date, a day under `dob`, a phone number under
    // `phone` and a secret in a link still go.
    const input = {
      credentials: [
        {
          date_created: '2015-07-31T04:00:00Z',
          url: 'https://accounts.example.test/v1/Credentials/AWS/CR123',
          hook: 'https://x.example.test/cb?token=Zx8kQ2mN9pL4rT7vB1cD',
          value: 'opaque-credential-1',
        },
      ],
      address: { line1: '1 High Street', edits_30d: 2, score: 100, ratio: 0.75, checked: ['2024-01-02'] },
      phone: { country_code: 44, number: 7700900123 },
      dob: { day: 14, month: 7, date: '1985-07-14' },
    };
    const expected = {
      credentials: [
        {
          date_created: '2015-07-31T04:00:00Z',
          url: 'https://accounts.example.test/v1/Credentials/AWS/CR123',
          hook: 'https://x.example.test/cb?token=%5Btoken-1%5D',
          value: '[credential-1]',
        },
      ],
      address: { line1: '[address-1]', edits_30d: 2, score: 100, ratio: 0.75, checked: ['2024-01-02'] },
      phone: { country_code: 44, number: '[phone-1]' },
      dob: { day: '[dob-1]', month: '[dob-2]', date: '[dob-3]' },
    };
    expectBothWalkers(input, expected);
  });

  it('keeps an address already masked and a count under a phone key, in both walkers', () => {
    const input = {
      twilio_media_ip: '54.xxx.xx.xxx',
      edge_ip: '10.0.*.*',
      client_ip: '203.0.113.7',
      calls_by_device_type: { mobile: 400, share: 60.2 },
      mobile: 447700900123,
    };
    const expected = { ...input, client_ip: '[ip-1]', mobile: '[phone-1]' };
    expectBothWalkers(input, expected);
  });

  it("keeps a person's locale, a form's message, a card's fingerprint, ids and self-naming examples, in both walkers", () => {
    // Shapes from Stripe's own API fixtures (stripe/openapi fixtures3.json).
    const input = {
      cardholder: { name: 'Jenny Rosen', preferred_locales: ['en'], phone_number: '+18008675309' },
      shipping_address: { message: 'message', line1: '1 High Street' },
      us_bank_account: { fingerprint: 'AuoSJ18zsVWV9SPc', account_number: '000123456789' },
      zip: { display_preference: { preference: 'off', value: 'off' } },
      account_holder: { customer: 'cus_QXg1o8vcGmoR32' },
      issuing_cardholder: 'ich_1Pgag4B7WZ01zgkWdPVfBngi',
      shipping: { name: 'name' },
      meter: { event_payload_key: 'event_payload_key', customer_mapping: { event_payload_key: 'customer' } },
    };
    const expected = {
      ...input,
      cardholder: { name: '[name-1]', preferred_locales: ['en'], phone_number: '[phone-1]' },
      shipping_address: { message: 'message', line1: '[address-1]' },
      us_bank_account: { fingerprint: 'AuoSJ18zsVWV9SPc', account_number: '[bank-account-1]' },
    };
    expectBothWalkers(input, expected);
    // A weak password or secret that repeats its name is still one.
    const weak = { password: 'password', secret: 'secret' };
    expectBothWalkers(weak, { password: '[password-1]', secret: '[secret-1]' });
    // A real name and a real key still go under the same fields.
    const real = {
      shipping: { name: 'Ada Lovelace' },
      account_holder: { customer: 'Ada Lovelace' },
      api_key: 'api_key_9fQ2xL7mN4pR8tV1',
    };
    const redacted = {
      shipping: { name: '[name-1]' },
      account_holder: { customer: '[name-1]' },
      api_key: '[api-key-1]',
    };
    expectBothWalkers(real, redacted);
  });

  it("reaches a credential-named object's nested records, and lists and maps of secrets, in both walkers", () => {
    const input = {
      credentials: {
        aws: { key: 'AKIAIOSFODNN7EXAMPLE', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      },
      session: { data: { csrf: 'Zq8W2xK9pLm4Rt7vB1cD3eF5cc' } },
      secrets: { DATABASE: 'Zq8W2xK9pLm4Rt7vB1cD3eF5' },
      passwords: ['hunter2hunter2'],
      api_keys: [{ created: 1700000000, prefix: 'Zq8W2xK9pLm4Rt7vB1cD3eF5dd' }],
      // (Public keys and tokenizer output are not secrets.)
      keys: [{ kid: 'k1', n: 'u1SU1LfVLPHCozMxH2Mo' }],
      tokens: ['The', 'cat'],
    };
    const expected = {
      ...input,
      credentials: { aws: { key: '[api-key-1]', value: '[credential-1]' } },
      session: { data: { csrf: '[session-1]' } },
      secrets: { DATABASE: '[secret-1]' },
      passwords: ['[password-1]'],
      api_keys: [{ created: 1700000000, prefix: '[api-key-2]' }],
    };
    expectBothWalkers(input, expected);
  });

  it("keeps Square's linked ids, versions, namespaced attribute keys and a domain filter, in both walkers", () => {
    // Shapes from Square's own API reference examples (square/connect-api-specification api.json).
    const input = {
      bank_account: { location_id: 'S8GWD5DBJ3HF3', account_number: '000123456789' },
      payment: { version_token: 'vguW2km0KpVCdAXZcNTZ438qg5LlVPTP4HO5OpiHNfa6o' },
      custom_attributes: [
        { key: 'sq0idp-LJ1Kr4Iim0hGDvAwrv8HIB:favorite-drink', value: 'tea' },
        { key: 'square:a0f1505a-2aa1-490d-91a8-8d31ff181808', value: 'x' },
        { key: 'sq0idp-LJ1Kr4Iim0hGDvAwrv8HIB:Zq8W2xK9pLm4', value: 'y' },
      ],
      filter: { email_address: { fuzzy: 'example.com' }, email: 'ada@example.com' },
    };
    const expected = {
      ...input,
      bank_account: { location_id: 'S8GWD5DBJ3HF3', account_number: '[bank-account-1]' },
      custom_attributes: [
        input.custom_attributes[0],
        input.custom_attributes[1],
        { key: '[secret-1]', value: 'y' },
      ],
      filter: { email_address: { fuzzy: 'example.com' }, email: '[email-1]' },
    };
    expectBothWalkers(input, expected);
  });

  it("keeps an identifier under a person's field and an error's machine name, in both walkers", () => {
    // Shapes from Intercom's own API description (intercom/Intercom-OpenAPI, version 2.15).
    const input = {
      data: [{ full_name: 'last_request_at' }, { full_name: 'Ada Lovelace' }],
      error_key: 'invalid_phone_number',
    };
    const expected = { ...input, data: [{ full_name: 'last_request_at' }, { full_name: '[name-1]' }] };
    expectBothWalkers(input, expected);
  });

  it("keeps an organisation's name, a count and a match summary under a person, in both walkers", () => {
    // Shapes from Plaid's own API description (plaid/plaid-openapi 2020-09-14.yml).
    const input = {
      end_customer: { company_name: 'Plaid', legal_name: 'Jane Doe' },
      legal_entity_name: 'Plaid',
      identity_edit_history: { date_of_birth: { edits_30d: 0, date: '1985-07-14' } },
      kyc_check: { address: { summary: 'match', street: '96 Guild Street' } },
      dob: { day: 14, month: 7 },
    };
    const expected = {
      end_customer: { company_name: 'Plaid', legal_name: '[name-1]' },
      legal_entity_name: 'Plaid',
      identity_edit_history: { date_of_birth: { edits_30d: 0, date: '[dob-1]' } },
      kyc_check: { address: { summary: 'match', street: '[address-1]' } },
      dob: { day: '[dob-2]', month: '[dob-3]' },
    };
    expectBothWalkers(input, expected);
  });

  it('reads a sentence under a key-like name as text, and keeps a truncated token, in both walkers', () => {
    // Shapes from PagerDuty's own API description (PagerDuty/api-schema reference/REST).
    const input = {
      details: { customKey: 'Server is on fire!', customKey2: 'Other stuff!' },
      method: { truncated_token: '2adm' },
      api_key: 'Bearer Zq8W2xK9pLm4Rt7vB1cD',
      token: 'Token token=Zq8W2xK9pLm4Rt7vB1cD',
      password: 'correct horse battery staple',
      note_key: 'rotate key sk_live_4eC39HqLyjWDarjtT1zdp7dc today',
    };
    const expected = {
      details: { customKey: 'Server is on fire!', customKey2: '[api-key-1]' },
      method: { truncated_token: '2adm' },
      api_key: '[api-key-2]',
      token: '[token-1]',
      password: '[password-1]',
      // (A word as long as a key keeps the value whole.)
      note_key: '[api-key-3]',
    };
    expectBothWalkers(input, expected);
  });

  it("keeps a credential's sid and label, a passkey policy and a host under an address word, in both walkers", () => {
    // Shapes from Twilio's own API descriptions (twilio/twilio-oai spec/json).
    const input = {
      credentials: [
        {
          sid: 'CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          friendly_name: 'Test slow create',
          secret: 'Zq8W2xK9pLm4Rt7v',
        },
      ],
      config: { discoverable_credentials: 'preferred' },
      smdp_plus_address: 'sm-dp-plus.twilio.com',
      address: { street: '375 Beale St', city: 'San Francisco' },
    };
    const expected = {
      ...input,
      credentials: [{ ...input.credentials[0], secret: '[secret-1]' }],
      address: { street: '[address-1]', city: '[address-2]' },
    };
    expectBothWalkers(input, expected);
  });

  it('keeps a webhook URL under an address word, a classification key and a loopback address, in both walkers', () => {
    // Shapes from Box's and Slack's own API descriptions (box/box-openapi, slackapi/slack-api-specs).
    const input = {
      webhook: { address: 'https://example.com/webhooks' },
      hook: { address: 'https://example.com/hook?token=Zq8W2xK9pLm4Rt7vB1cD' },
      Box__Security__Classification__Key: 'Sensitive',
      logins: [{ ip: '127.0.0.1' }, { ip: '203.0.113.7' }],
      billing: { address: '900 Jefferson Ave, Redwood City, CA 94063' },
    };
    const expected = {
      ...input,
      hook: { address: 'https://example.com/hook?token=%5Btoken-1%5D' },
      logins: [{ ip: '127.0.0.1' }, { ip: '[ip-1]' }],
      billing: { address: '[address-1]' },
    };
    expectBothWalkers(input, expected);
  });

  it('still replaces the id of a national identifier, which may be the number itself', () => {
    const input = { driver_license: { id: 'D1234567', state: 'CA' } };
    // (`state` stays for another reason: a national id has a digit, and `CA` cannot be one.)
    const expected = { driver_license: { id: '[national-id-1]', state: 'CA' } };
    expectBothWalkers(input, expected);
  });
});

describe('code-like keys (code, key, appid) in JSON', () => {
  const code = 'nxehrEQ3H0cfuAOcDRvZ7jrPVQcd3S56-rUpQpda';
  const input = {
    oauth: { code, redirect_uri: 'https://app.example.test/cb' },
    error: { code: 'InvalidParameterValue2', message: 'bad value' },
    upload: { Key: 'photos/2024/IMG_1234.jpg', key: '550e8400-e29b-41d4-a716-446655440000' },
    env: [
      { value: 'f92de1b55db576538c291c8946ebc074', name: 'appid' },
      { name: 'key', value: 'CV3cn7aKxtVlongOryYIJwfs6uVw0orfJk8C6nw' },
      { name: 'code', value: 'ERR_BAD_REQUEST_400' },
    ],
  };
  // The error code, the upload's keys and the error-code pair stay as they were.
  const expected = {
    ...input,
    oauth: { ...input.oauth, code: '[secret-1]' },
    env: [
      { value: '[secret-2]', name: 'appid' },
      { name: 'key', value: '[secret-3]' },
      { name: 'code', value: 'ERR_BAD_REQUEST_400' },
    ],
  };

  it('replaces a generated value under a code-like key or pair name, in both walkers', () => {
    expectBothWalkers(input, expected);
  });

  it('reads an escaped value before judging it', () => {
    const text = '{"code": "nxehrEQ3H0cfuAOcDRvZ7jrPVQcd3S56\\/rUpQpda"}';
    expect(JSON.parse(redactJsonText(text, new RedactionSession()) ?? 'null')).toEqual({
      code: '[secret-1]',
    });
  });
});

describe('redactJson visits values in document order', () => {
  it('gives a value met under two names the placeholder of the first, as the text scan does', () => {
    const root = {
      n_ip: [{ 'card.holder': 'Wendelin Trautmannsdorf' }],
      'card.holder': 'Wendelin Trautmannsdorf',
    };
    const fromTree = JSON.stringify(redactJson(root, new RedactionSession()));
    const fromText = JSON.stringify(
      JSON.parse(redactJsonText(JSON.stringify(root), new RedactionSession()) ?? 'null'),
    );
    expect(fromTree).toBe(fromText);
  });
});
