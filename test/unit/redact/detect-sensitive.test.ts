import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiCodes } from '../../../src/core/redact/ascii-codes.ts';
import { detectWithoutGates, isZuluMillisAt } from '../../../src/core/redact/detect.ts';
import { codeAt } from '../../../src/core/redact/personal-formats.ts';
import {
  detectorGates,
  detectSensitive,
  isoTimestampEnd,
  SECRET_KINDS,
} from '../../../src/core/redact/index.ts';
import { redactJsonText, redactText } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';
import { DETECTABLE, luhnNumber, type Planted } from '../../fixtures/redact/planted-values.ts';

/** The kinds a planted value of each class may be reported as. */
const KINDS_BY_CLASS: Record<string, readonly string[]> = {
  email: ['email'],
  phone: ['phone'],
  card: ['card'],
  iban: ['iban'],
  'bank account': ['bank-account'],
  'national id': ['national-id'],
  ip: ['ip'],
  'date of birth': ['dob'],
  'device id': ['device-id'],
  document: ['document'],
  'private key': ['private-key'],
  token: ['jwt'],
  'database connection': ['credential', 'api-key'],
  // A signature header's value is a secret (Stripe-Signature), an Authorization value a credential.
  'auth header': ['token', 'credential', 'secret'],
};

function expectedKinds(planted: Planted): readonly string[] {
  return KINDS_BY_CLASS[planted.class] ?? SECRET_KINDS;
}

describe('detectSensitive finds every format in prose', () => {
  it.each(DETECTABLE.map((planted) => [planted.id, planted] as const))('%s', (_id, planted) => {
    const text = `Support said: ${planted.value} — please check.`;
    const spans = detectSensitive(text);
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect(expectedKinds(planted)).toContain(span?.kind);
    expect(text.slice(span?.start, span?.end)).toContain(planted.secret.slice(0, 8));
    expect(redactText(text, new RedactionSession())).not.toContain(planted.secret);
  });
});

describe('detectSensitive keeps the scheme and the structure around a credential', () => {
  it('keeps "Bearer" and "Basic" and the data: media type', () => {
    const session = new RedactionSession();
    expect(redactText('Authorization: Bearer abcdefghijklmnop', session)).toMatch(
      /^Authorization: Bearer \[/,
    );
    expect(redactText(`auth Basic ${btoa('ann:pw-123456')}`, session)).toMatch(
      /^auth Basic \[credential-\d\]$/,
    );
    expect(redactText(`data:image/png;base64,iVBORw0KGgo${'A'.repeat(40)}`, session)).toBe(
      'data:image/png;base64,[document-1]',
    );
  });

  it('keeps host and scheme of a URL with userinfo', () => {
    expect(redactText('postgres://ann:pw12345@db.test/app', new RedactionSession())).toBe(
      'postgres://[credential-1]@db.test/app',
    );
  });
});

describe('detectSensitive rejects look-alikes', () => {
  it.each([
    ['a card number failing Luhn', '4111 1111 1111 1112'],
    ['an IBAN failing mod 97', 'GB81WEST12345698765432'],
    ['an SSN in a never-issued area', '666-12-3456'],
    ['a CPF with a wrong check digit', '529.982.247-26'],
    ['a millisecond timestamp', '1763786704000'],
    ['an epoch in seconds', '1763786704'],
    ['a clock time', '04:45:04'],
    ['a MAC address with seven pairs', '00:1a:2b:3c:4d:5e:6f'],
    ['MAC-like pairs with mixed separators', '00-1a-2b:3c-4d-5e'],
    ['"Basic" in prose', 'Basic information is missing'],
    ['a key prefix glued to a word', 'mask_live_abcdefghijklmnopqrstuv'],
    ['an AWS-looking id in lower case', 'akiaabcdefghijklmnop'],
    ['a short number after a plus', 'retries +3 times'],
    ['an email without a domain dot', 'user@localhost'],
    ['a version number', 'v2.31.0'],
    ['prose with a name label', 'name: must not be blank'],
    ['a token count', 'max_tokens=512'],
    ['an author field', '"author": "Ada Lovelace"'],
    ['a loopback address under an ip name', '      "ip_address": "127.0.0.1",'],
  ])('%s', (_label, text) => {
    expect(detectSensitive(text)).toEqual([]);
  });
});

describe('script in a body is code, and values that look a little like it are still values', () => {
  const found = (text: string) =>
    detectSensitive(text).map((span) => [span.kind, text.slice(span.start, span.end)]);

  it.each([
    'for (var key in from) into[key] = from[key];',
    'var lastToken = this.tokens[this.position - 1];',
    'r.macKey=s?r.keys.server_mac_key:r.keys.client_mac_key',
    'var manager = cfg.defaultManager;',
    'var line = readLine(state);',
    'if (evt.key === "Escape") close();',
  ])('keeps %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still finds a handle, a password with a bracket and a dotted token', () => {
    expect(found('username=j.smith')).toEqual([['name', 'j.smith']]);
    expect(found('sent password=abc[def at login')).toEqual([['password', 'abc[def']]);
    expect(found('api_key=k7.s9Q2xTz4')).toEqual([['api-key', 'k7.s9Q2xTz4']]);
    expect(found('api_key=abc_12.defghij')).toEqual([['api-key', 'abc_12.defghij']]);
  });
});

describe("a language model's tokens in a logged stream", () => {
  it('keeps the token of a server-sent logprobs event, and still finds a token assignment', () => {
    const event =
      'data: {"type":"transcript.text.delta","delta":" knee","logprobs":[{"token":" knee","logprob":-0.02}]}';
    expect(detectSensitive(event)).toEqual([]);
    expect(detectSensitive('data: {"token":"tok9f3k2m8q7x1"}').map((span) => span.kind)).toEqual(['token']);
  });
});

describe('card numbers by the lengths their networks issue', () => {
  // Each Luhn-valid (luhnNumber), so only the length decides.
  it.each([
    ['Visa, 13 digits', luhnNumber('4', 13, 1)],
    ['Visa, 16 digits', luhnNumber('4', 16, 2)],
    ['Visa, 19 digits', luhnNumber('4', 19, 3)],
    ['American Express, 15 digits', luhnNumber('37', 15, 4)],
    ['Diners Club, 14 digits', luhnNumber('36', 14, 5)],
    ['Mastercard 2-series, 16 digits', luhnNumber('2221', 16, 6)],
    ['Maestro, 13 digits', luhnNumber('6759', 13, 7)],
  ])('%s is found', (_label, digits) => {
    const spans = detectSensitive(`paid with ${digits} today`);
    expect(spans.map((span) => span.kind)).toEqual(['card']);
  });

  it.each([
    ['an id of 15 digits opening with 4', luhnNumber('4', 15, 8)],
    ['an id of 17 digits opening with 4', luhnNumber('4', 17, 9)],
    ['34 with 16 digits', luhnNumber('34', 16, 10)],
    ['Mastercard range with 15 digits', luhnNumber('53', 15, 11)],
    ['2-series with 14 digits', luhnNumber('22', 14, 12)],
  ])('%s is not a card', (_label, digits) => {
    expect(detectSensitive(`"network_transaction_id": "${digits}"`).map((span) => span.kind)).not.toContain(
      'card',
    );
  });
});

describe('named assignments in free text', () => {
  it.each([
    ['password=hunter2-xyz', 'password'],
    ['"client_secret": "abc123def456"', 'secret'],
    ["api_key='k-0123456789'", 'api-key'],
    ['X-Api-Key: k-0123456789', 'api-key'],
    ['session_id=0f1e2d3c4b5a', 'session'],
    ['first_name=Ada&last_name=Lovelace', 'name'],
    ['<input type="password" name="password" value="hunter2-xyz">', 'password'],
    ['dob=1990-01-31', 'dob'],
  ])('%s', (text, kind) => {
    const spans = detectSensitive(text);
    expect(spans.length).toBeGreaterThan(0);
    expect(spans[0]?.kind).toBe(kind);
  });
});

describe('code-like names outside a query take only a generated value', () => {
  it.each([
    [
      'oauth callback code=nxehrEQ3H0cfuAOcDRvZ7jrPVQcd3S56-rUpQpda received',
      'nxehrEQ3H0cfuAOcDRvZ7jrPVQcd3S56-rUpQpda',
    ],
    ['KEY=CV3cn7aKxtVlongOryYIJwfs6uVw0orfJk8C6nw', 'CV3cn7aKxtVlongOryYIJwfs6uVw0orfJk8C6nw'],
    ['"appid": "f92de1b55db576538c291c8946ebc074"', 'f92de1b55db576538c291c8946ebc074'],
  ])('%s', (text, secret) => {
    const spans = detectSensitive(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual([secret]);
    expect(spans[0]?.kind).toBe('secret');
  });

  it.each([
    'error code=ERR_BAD_REQUEST_400 from upstream',
    '"code": "InvalidParameterValue2"',
    'key: 550e8400-e29b-41d4-a716-446655440000',
    'Key=photos/2024/IMG_1234.jpg',
  ])('%s keeps its value', (text) => {
    expect(detectSensitive(text)).toEqual([]);
  });

  it('a hidden form field posts like a query: an OAuth form_post page gives its code away', () => {
    const text =
      '<form method="post" action="https://app.example.test/cb"><input type="hidden" name="code" value="SplxlOBeZQQYbYS6WxSbIA"/><input type="hidden" name="state" value="af0ifjsldkj"/></form>';
    expect(detectSensitive(text).map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([
      ['SplxlOBeZQQYbYS6WxSbIA', 'secret'],
    ]);
    expect(detectSensitive('<input name="code" value="card_declined">')).toEqual([]);
  });

  it('each key of a text is judged by its own name, when names alternate and when one repeats', () => {
    // The detector remembers the last key it classified: a key that differs from the one before
    // must be classified afresh, and a repeated one judged as before.
    const text =
      'key=plainword password=hunter2-xyz key=plainword key=Zx8kQ2mN9pL4rT7vB1cDq9 code=card_declined password=s3cond-pass';
    expect(detectSensitive(text).map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([
      ['hunter2-xyz', 'password'],
      ['Zx8kQ2mN9pL4rT7vB1cDq9', 'secret'],
      ['s3cond-pass', 'password'],
    ]);
  });

  it('a run of code-like keys without a delimiter: a generated value after plain ones still goes', () => {
    // `key=key=…` ends every value at the run's end; a value judged plain there rules out its
    // suffixes, not a value that ends elsewhere.
    const run = 'key='.repeat(50);
    const text = `${run} key=Zx8kQ2mN9pL4rT7vB1cDq9`;
    const spans = detectSensitive(text);
    // The run stays; one span covers the generated value (with its `key=`: the token finder's
    // reading of a token glued to its name, which is as wide as the assignment's).
    expect(spans).toHaveLength(1);
    expect(spans[0]?.start).toBeGreaterThan(run.length);
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toContain('Zx8kQ2mN9pL4rT7vB1cDq9');
  });

  it('in a query the looser opaque rule still holds (a code there is an OAuth code)', () => {
    const text = 'GET /cb?code=3336676.569200954261.ad4f6dc5c6ac4a5ce4b4f1a8f6f1c1a0&state=x';
    expect(detectSensitive(text).map((span) => text.slice(span.start, span.end))).toEqual([
      '3336676.569200954261.ad4f6dc5c6ac4a5ce4b4f1a8f6f1c1a0',
    ]);
  });
});

describe('code an error page shows: assignment and comparison operators, references', () => {
  it.each([
    ['password := hunter2-xyz', 'hunter2-xyz'],
    ['if (api_key == "Zx8kQ2mN9pL4rT7")', 'Zx8kQ2mN9pL4rT7'],
    ["if (secret === 's3cr3t-value')", 's3cr3t-value'],
  ])('%s: the literal goes', (text, secret) => {
    expect(detectSensitive(text).map((span) => text.slice(span.start, span.end))).toEqual([secret]);
  });

  it.each([
    "password = request.headers['apikey']",
    "api_key = os.environ['API_KEY']",
    'secret = config["db"]["pass"]',
    'if (password === undefined) return',
    'password == null',
    'api_key === apiKey',
  ])('%s stays: it names where a secret comes from, or no value', (text) => {
    expect(detectSensitive(text)).toEqual([]);
  });
});

describe('token shapes without a prefix', () => {
  it('a Discord bot token: base64 of the user id, a timestamp and an HMAC, joined by dots', () => {
    const token = `${btoa('1187342095729361234').replace(/=+$/, '')}.GxQ2ab.${'k9Xw2LmQ7vN4pR8tY1zB6cD3fH5jK0aS'.slice(0, 27)}`;
    const text = `login failed for token ${token} (401)`;
    expect(detectSensitive(text).map((span) => text.slice(span.start, span.end))).toEqual([token]);
    // The same dots with other lengths are not one.
    expect(detectSensitive('v MTE4NzM0MjA5NTcyOTM2MTIzNA.GxQ2.k9Xw2LmQ7vN4pR8tY1zB6cD3fH5jK')).toEqual([]);
  });

  it('a New Relic license key ends in FFFFNRAL; 40 hex digits alone are a hash', () => {
    const key = `eu01xx${'0123456789abcdef0123456789'}FFFFNRAL`;
    expect(detectSensitive(`license_key ${key} rejected`).map((span) => span.kind)).toEqual(['api-key']);
    expect(detectSensitive('commit 0123456789abcdef0123456789abcdef01234567 failed')).toEqual([]);
  });

  it('a Salesforce session id: the org id, `!`, then the session part', () => {
    const session = `00D5g000004Xy1Z!AQ4AQ${'Hk2mN8pQ4rT7vW1yZ3bC5dF7gJ9kL0'.repeat(3)}.x_Yz`;
    const text = `the org rejected ${session}. Log in again`;
    expect(detectSensitive(text).map((span) => text.slice(span.start, span.end))).toEqual([session]);
  });

  it('an upper-case variable name stays, a key in capitals after a word does not', () => {
    expect(detectSensitive('set AWS_SECRET_ACCESS_KEY and OAUTH2_CLIENT_SECRET_V2 first')).toEqual([]);
    const key = 'API_KEY7Q2M9X4K1Z8B3N6V0C5L2J7H4G9F1D';
    expect(detectSensitive(`{"api_key": "${key}"}`).map((span) => span.kind)).toEqual(['api-key']);
  });
});

describe('configuration dumps name the field apart from its value', () => {
  it.each([
    ['<add key="ClearTextPassword" value="Qz8-vN2pLw" />', 'Qz8-vN2pLw', 'password'],
    ['<add key="StripeSecretKey" value="wsSUCeO4my8uwK2QogMO" />', 'wsSUCeO4my8uwK2QogMO', 'secret'],
    ["'secret_key' => 'Mcka4cAOkwmIw4SksAAW'", 'Mcka4cAOkwmIw4SksAAW', 'secret'],
    [':api_key => "k-0123456789abcdef"', 'k-0123456789abcdef', 'api-key'],
  ])('%s', (text, secret, kind) => {
    const spans = detectSensitive(text);
    expect(spans.map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([[secret, kind]]);
  });

  it('an attribute that names no field leaves the value alone', () => {
    expect(detectSensitive('<add key="PageSize" value="50" /><add key="Theme" value="dark-blue" />')).toEqual(
      [],
    );
  });
});

describe('Authorization and signature headers written as text', () => {
  it.each([
    ['Authorization=Bot Mz4xNTYuNzg5.GhIjKl.aB3dE5fG7hI9', 'Authorization=Bot [credential-1]'],
    [
      '-H "Authorization: GenieKey 1b2c3d4e-5f60-4a1b-9c2d-3e4f5a6b7c8d"',
      '-H "Authorization: GenieKey [credential-1]"',
    ],
    ['Authorization: Splunk 0aB1cD2eF3gH4iJ5 and more', 'Authorization: Splunk [credential-1] and more'],
    ['{"Authorization": "Api-Key k3yV4lu3-9f8e7d"}', '{"Authorization": "Api-Key [credential-1]"}'],
    [
      'Authorization: Digest username="ann", nonce="dcd98b7102dd2f0e", response="6629fae49393a053"\nnext',
      'Authorization: Digest [credential-1]\nnext',
    ],
    [
      'Stripe-Signature: t=1492774577,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e7',
      'Stripe-Signature: [secret-1]',
    ],
  ])('%s', (text, expected) => {
    expect(redactText(text, new RedactionSession())).toBe(expected);
  });

  it.each([
    'Authorization: Bearer token required',
    'Missing Authorization: Bearer YOUR_API_KEY',
    '{"Authorization": authHeader}',
    'Authorization=Bearer',
    'Invalid signature: expected the v1 scheme',
    'signatureAlgorithm: RS256, hasSignature: true',
    'preauthorization: 4242 pending',
  ])('leaves %s', (text) => {
    expect(redactText(text, new RedactionSession())).toBe(text);
  });
});

describe('a secret on a dotenv line keeps its spaces', () => {
  it.each([
    ['MNEMONIC=orbit velvet anchor meadow quartz lantern\nNODE_ENV=production', '[secret-1]'],
    ['passphrase=correct horse battery staple\n', '[password-1]'],
    ['security_answer=Rex from Brighton', '[password-1]'],
  ])('%s', (text, placeholder) => {
    const out = redactText(text, new RedactionSession());
    expect(out.split(/\r?\n/)[0]).toMatch(new RegExp(`=\\${placeholder.slice(0, -1)}\\]$`));
    expect(out).not.toMatch(/velvet|horse|Brighton/);
  });

  it('only at the start of a line, unquoted: prose keeps its words', () => {
    const text = 'Set passphrase=longer to unlock';
    expect(redactText(text, new RedactionSession())).toBe(text);
  });
});

describe('personal formats with a published check', () => {
  it.each([
    ['PESEL', 'PESEL 44051401359 on file', 'national-id'],
    ['Korean RRN', 'RRN 881205-2349287.', 'national-id'],
    ['Spanish DNI in text', 'DNI 12345678Z.', 'national-id'],
    ['Italian codice fiscale', 'CF: RSSMRA85T10A562S', 'national-id'],
    ['codice fiscale alone', 'RSSMRA85T10A562S', 'national-id'],
    ['quoted local part', 'reply to "ada byron"@lovelace.org today', 'email'],
    ['MAC, IEEE dashes', 'device 3C-22-FB-E8-DE-DA seen', 'device-id'],
    ['MAC, colons', 'mac=00:1a:2b:b6:09:4d;', 'device-id'],
    ['Bitcoin P2PKH', 'pay 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now', 'bank-account'],
  ])('%s', (_label, text, kind) => {
    const spans = detectSensitive(text);
    expect(spans.map((span) => span.kind)).toContain(kind);
  });

  it.each([
    ['a PESEL with a wrong check digit', 'id 44051401358'],
    ['an 11-digit order number', 'order 12345678901'],
    ['an RRN-shaped pair with no such date', 'ref 991399-1234567'],
    ['8 digits and a wrong DNI letter', 'ref 12345678A'],
    ['a codice fiscale with a wrong check letter', 'RSSMRA85T10A562T'],
    ['a Base58 word with a broken checksum', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'],
    ['a git commit hash', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['a slug of single letters', 'a-b-c-d-e-f-g'],
    ['an ISO timestamp', '2026-11-30T05:00:00.000Z'],
  ])('leaves %s', (_label, text) => {
    expect(detectSensitive(text)).toEqual([]);
  });
});

// Counterexamples found by never-leaks.property.test.ts, kept so they stay fixed.
describe('national numbers with a published layout or check, in free text', () => {
  it.each([
    ['ITIN on file: 912-70-1234.', '912-70-1234'],
    ['TCKN 10000000146 doğrulanamadı', '10000000146'],
    ['henkilötunnus 131052-308T ei kelpaa', '131052-308T'],
    ['ID 784-1985-1234567-3 expired', '784-1985-1234567-3'],
  ])('%s', (text, value) => {
    expect(detectSensitive(text).map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([
      [value, 'national-id'],
    ]);
  });

  it('leaves a 9xx number outside the ITIN ranges and an 11-digit number whose checks fail', () => {
    expect(detectSensitive('ref 912-93-1234 and 10000000147')).toEqual([]);
    // (An Emirates ID whose Luhn check fails.)
    expect(detectSensitive('ID 784-1985-1234567-1')).toEqual([]);
  });

  it.each([
    ['Aadhaar 234567890124 could not be verified', '234567890124'],
    ['my aadhaar number is 234567890124.', '234567890124'],
    ['TFN 123 456 782 is invalid', '123 456 782'],
    ['tax file number: 123456782', '123456782'],
    ['Medicare 2123 45670 1 expired', '2123 45670 1'],
    ['passport number 912803456', '912803456'],
    ['NHS number 943 476 5919', '943 476 5919'],
    ['SIN 046 454 286', '046 454 286'],
    ['BSN 111222333 onbekend', '111222333'],
    ['Steuer-ID 65929970489 ungültig', '65929970489'],
    ['personnummer 811228-9874', '811228-9874'],
  ])('takes a number its name precedes: %s', (text, value) => {
    expect(detectSensitive(text).map((span) => [text.slice(span.start, span.end), span.kind])).toEqual([
      [value, 'national-id'],
    ]);
  });

  it('leaves those numbers without their name, or when their check fails', () => {
    expect(detectSensitive('order 234567890124 shipped, invoice 123456782')).toEqual([]);
    expect(detectSensitive('TFN 123 456 789 and Aadhaar 234567890123')).toEqual([]);
    expect(detectSensitive('BSN 111222334, Steuer-ID 65929970488')).toEqual([]);
  });
});

describe('numbers next to other numbers and words', () => {
  it('an address after a lone "v" is an address, a version glued to "v" is not', () => {
    expect(redactText('v 203.0.113.77 ', new RedactionSession())).toBe('v [ip-1] ');
    expect(redactText('from v4.18.2.1 and express@4.18.2.1', new RedactionSession())).toBe(
      'from v4.18.2.1 and express@4.18.2.1',
    );
  });

  it('a card right after a short number is removed whole, whatever the number before matched', () => {
    const out = redactText('01 4306 4681 9151 6212 ', new RedactionSession());
    for (const group of ['4306', '4681', '9151', '6212']) expect(out).not.toContain(group);
  });
});

describe('the gate pass rules out only what no family could match', () => {
  it('a date of birth written with slashes is found (the gate counts its digits across "/")', () => {
    // A gate that reset its digit count at "/" never ran the birth-date finder on these.
    for (const [text, date] of [
      ['DOB: 3/4/87', '3/4/87'],
      ['date of birth 3/14/87', '3/14/87'],
    ] as const) {
      const spans = detectSensitive(text);
      expect(spans.map((span) => [span.kind, text.slice(span.start, span.end)])).toEqual([['dob', date]]);
    }
  });

  it('a date of birth after several birth words is found by the walk that reaches it', () => {
    // Each word's walk goes on from where the last one ended (a position is tried once).
    for (const [text, date] of [
      ['born born born on 1987-03-14', '1987-03-14'],
      ['born 12 and then born 14 March 1987', '14 March 1987'],
      ['geboren, dob, birth date: 3/4/87', '3/4/87'],
    ] as const) {
      const spans = detectSensitive(text).filter((span) => span.kind === 'dob');
      expect(
        spans.map((span) => text.slice(span.start, span.end)),
        text,
      ).toEqual([date]);
    }
  });

  it('numbers at the smallest size each format has still reach the number finder', () => {
    // 8 digits after "+" (a short international number), 4 groups of one digit (an address
    // after a context word), 9 digits alone after "phone".
    const session = new RedactionSession();
    expect(redactText('call +354 421 2345 now', session)).toBe('call [phone-1] now');
    expect(redactText('client ip 1.2.3.4 refused', session)).toBe('client ip [ip-1] refused');
    expect(redactText('phone 415555019 ok', session)).toBe('phone [phone-2] ok');
  });

  it('ids with a few digits are left alone', () => {
    for (const id of ['usr_48213', 'app_25608nr92p', 'order 1234-56', 'v1/2024/05/11'])
      expect(detectSensitive(id)).toEqual([]);
  });

  it('a one-word id the gates rule out is one no family matches, and the families that could still run', () => {
    // The gates close on a short lowercase word with digits; the same shapes one step past that
    // rule (a capital first, a glued passport number of 15) are still found.
    for (const id of ['usr_8118', 'app_2bf62cd07l', '_4242x', 'passportl23093']) {
      expect(detectorGates(id), id).toBe(0);
      expect(detectWithoutGates(id), id).toEqual([]);
    }
    expect(detectSensitive('passportL230933').map((span) => span.kind)).toEqual(['national-id']);
    expect(detectSensitive('AB123456C').map((span) => span.kind)).toEqual(['national-id']);
    expect(detectSensitive('DE89370400440532013000').map((span) => span.kind)).toEqual(['iban']);
  });

  it('the gates never hide a finding: every family run on the same text finds the same', () => {
    // Words, digits and the words and separators the digit families read, glued in any order.
    const piece = fc.oneof(
      fc.stringMatching(/^[a-z_][A-Za-z0-9_]{0,13}$/),
      fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/),
      fc.stringMatching(/^[0-9]{1,10}$/),
      fc
        .tuple(
          fc.constantFrom('passport', 'paspoort', 'reisepass', 'pasaporte'),
          fc.stringMatching(/^[a-zA-Z]{1,2}$/),
          fc.stringMatching(/^[0-9]{6,8}$/),
        )
        .map((parts) => parts.join('')),
      fc.constantFrom(' ', '-', '/', '.', ':', '=', '@', '_', '+', '(', ')', ', ', 'born ', 'dob ', 'nee '),
      fc.constantFrom('birth', 'DE', 'GB', 'AB', 'X', 'Z', 'token ', 'Bearer ', '1987-03-14', '3/4/87'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(detectSensitive(text), text).toEqual(detectWithoutGates(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('an authorization scheme as the value of a credential field', () => {
  it.each([
    ['client_secret=Digest aB3dE5fG7hJ9kL1mN3pQ', 'client_secret=Digest [secret-1]'],
    ['x_api_key: HMAC aB3dE5fG7hJ9kL1mN3pQ', 'x_api_key: HMAC [api-key-1]'],
    ['password=NEGOTIATE YIIBhwYGKwYBBQUCoIIBezCC', 'password=NEGOTIATE [password-1]'],
    ['api_key=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830', 'api_key=AWS4-HMAC-SHA256 [api-key-1]'],
    ['secret=Mutual zz9yy8xx7', 'secret=Mutual [secret-1]'],
    // One letter more is no registered scheme: the value is taken whole.
    ['secret=Mutualz zz9yy8xx7', 'secret=[secret-1]'],
  ])('%s keeps the scheme word (IANA registry, any case) and takes what follows it', (text, expected) => {
    expect(redactText(text, new RedactionSession())).toBe(expected);
  });
});

describe('documentation placeholders next to real values', () => {
  it('keeps each placeholder and replaces each value, whatever was judged just before', () => {
    // isDocPlaceholder keeps its last answer: a value asked again must get its own answer back.
    const text =
      'password=YOUR_PASSWORD password=hunter2xYz9Ab password=YOUR_PASSWORD password=hunter2xYz9Ab ' +
      'token YOUR_TOKEN_HERE_PLEASE token aB3dE5fG7hJ9kL1mN3pQ';
    expect(redactText(text, new RedactionSession())).toBe(
      'password=YOUR_PASSWORD password=[password-1] password=YOUR_PASSWORD password=[password-1] ' +
        'token YOUR_TOKEN_HERE_PLEASE token [token-1]',
    );
  });
});

describe('lowercase prose', () => {
  it('opens the gates the general walk opens (a leading space sends it there and changes nothing)', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[a-z]{1,24}$/),
      fc.constantFrom('bearer', 'basic', 'token', 'ssws', 'tokens', 'review', 'abcdefghijklmnopqrst'),
    );
    const prose = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ', '')), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.map(([w, space]) => w + space).join(''));
    fc.assert(
      fc.property(prose, (text) => {
        expect(detectorGates(text), text).toBe(detectorGates(` ${text}`));
        expect(detectSensitive(text), text).toEqual(detectWithoutGates(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('keys that take turns', () => {
  it('each keeps its own field kind, keys of one length included', () => {
    // assignmentAt keeps what it judged of the last two keys; `language` has the length of
    // `password`, and a value under it is no credential, even one that would be a password.
    const pairs = [
      ['Tr0ub4dor-3x', 'Qm7-vv2-rt9'],
      ['C0rrect-H0rse', 'Xk4-pp8-ze2'],
      ['Zq9-kk2-vv1', 'Lw3-nn6-ha5'],
    ] as const;
    const text = pairs.map(([secret, language]) => `password=${secret}\nlanguage=${language}`).join('\n');
    const out = redactText(text, new RedactionSession());
    for (const [secret, language] of pairs) {
      expect(out).not.toContain(secret);
      expect(out).toContain(`language=${language}`);
    }
  });
});

describe('codeAt', () => {
  it('reads as charCodeAt does, NaN past either end included', () => {
    // The detectors read before a candidate and at fixed offsets after it through codeAt; each
    // such test (`before === 58`, `isWordCode(after)`) relies on what charCodeAt gives there.
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.integer({ min: -3, max: 11 }), (text, at) => {
        expect(Object.is(codeAt(text, at), text.charCodeAt(at)), `${JSON.stringify(text)} at ${at}`).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a toISOString timestamp', () => {
  it('opens no gate, and a string one character off it is judged as every family judges it', () => {
    const stamp = fc
      .tuple(
        fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
        fc.nat(23),
        // Past ASCII too: a unit read as PAST_ASCII is no digit or separator of the layout.
        fc.constantFrom(...'0123456789aZT:.-+ /@é٣\u0080'),
      )
      .map(([date, at, char]) => {
        const text = date.toISOString();
        return [text, `${text.slice(0, at)}${char}${text.slice(at + 1)}`] as const;
      });
    fc.assert(
      fc.property(stamp, ([exact, off]) => {
        expect(detectorGates(exact), exact).toBe(0);
        expect(isZuluMillisAt(asciiCodes(off), 0), off).toBe(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(off),
        );
        expect(detectSensitive(off), off).toEqual(detectWithoutGates(off));
        expect(detectSensitive(`${off}9`)).toEqual(detectWithoutGates(`${off}9`));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the gates of a text and of its parts', () => {
  it("a path's gates admit whatever the gates of each of its segments admit", () => {
    // unchangedText and redactPath rely on it: a path the gates close on has no segment any family
    // could match in, and a segment judged with its path's gates runs every family its own open.
    const piece = fc.oneof(
      fc.stringMatching(/^[a-z_][A-Za-z0-9_]{0,13}$/),
      fc.stringMatching(/^[A-Za-z0-9_+=.~-]{1,24}$/),
      fc.stringMatching(/^[0-9]{1,10}$/),
      fc.constantFrom(' ', '-', '-----', '.', ':', '=', '@', '%', '\\', '+', '(', ')', ', ', 'é'),
      fc.constantFrom('born ', 'token ', 'Bearer ', 'ssws ', '1987-03-14', '3/4/87', '2026-11-22T05:00:00Z'),
      fc.constantFrom('passport', 'DE', 'GB', 'X', '123e4567-e89b-12d3-a456-426614174000'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (parts, lead) => {
          const segments = parts.map((segment) => segment.join(''));
          const path = `${lead ? '/' : ''}${segments.join('/')}`;
          const whole = detectorGates(path);
          for (const segment of segments)
            expect(whole | detectorGates(segment), `${path} | ${segment}`).toBe(whole);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('overlapping findings of two families', () => {
  it('a phone that ends inside a token that follows it takes the whole token with it', () => {
    // Counterexample of never-leaks.property.test.ts at 5000 runs: trunk phone `01 822718846`
    // and the Telegram bot token `822718846:AA…` share their digits.
    const token = '822718846:AApvxJpfXs2LOSDkQ1npGdvN6LvSqZ4P9Yl';
    const out = redactText(`01 ${token} `, new RedactionSession());
    expect(out).toBe('[phone-1] ');
    expect(redactJsonText(JSON.stringify({ note: `01 ${token} ` }), new RedactionSession())).toBe(
      '{"note":"[phone-1] "}',
    );
  });
});

describe('formats with a shape, not a prefix, stop at their documented bounds', () => {
  const found = (text: string): string[] =>
    detectSensitive(text).map((span) => text.slice(span.start, span.end));
  const secret = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1';

  it('a Meta app token is the app id, `|` or `%7C`, then 27-40 characters', () => {
    expect(found(`token 1308742762612587|${secret} sent`)).toEqual([`1308742762612587|${secret}`]);
    expect(found(`access_token=1308742762612587%7C${secret}&x=1`).join()).toContain(secret);
    // 13 digits is not an app id; 26 characters is not an app secret.
    expect(found(`ref 1308742762612|${secret} sent`)).toEqual([]);
    expect(found(`ref 1308742762612587|${secret.slice(1)} sent`)).toEqual([]);
  });

  it("a Stripe client secret goes whole; the intent's id alone stays", () => {
    const clientSecret = `pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_${secret.slice(0, 25)}`;
    expect(found(`confirming with ${clientSecret} failed`)).toEqual([clientSecret]);
    expect(found('payment pi_3MtwBwLkdIwHu7ix28a3tqPa failed')).toEqual([]);
    expect(found('setup seti_1Mm2cBLkdIwHu7ixaiKW3ElR failed')).toEqual([]);
  });

  it('an Entra client secret may start with `~` or `.`', () => {
    const tail = 'nVhlLi2vpg_nXBGqFsbGK-t~Hus1JmTa0y';
    expect(found(`<value>~Gg8Q~${tail}</value>`)).toEqual([`~Gg8Q~${tail}`]);
    expect(found(`secret .Gg8Q~${tail} x`)).toEqual([`.Gg8Q~${tail}`]);
    expect(found(`value ~Gg8Q-${tail} x`)).toEqual([]);
  });

  it('a MaxMind licence key needs its `_mmk` suffix', () => {
    const key = `Gr3Gwn_${'PFYhvmuTtiLOfYczUJ4zIKdztgacm'}_mmk`;
    expect(found(`license ${key}`)).toEqual([key]);
    expect(found(`license ${key.slice(0, -4)}_abc`)).toEqual([]);
  });

  it("curl's -u takes a user:password pair, not a bare word or a placeholder", () => {
    expect(found("curl --user 'api:d2LkV78zLx!t' https://api.example.test")).toEqual(['api:d2LkV78zLx!t']);
    expect(found('curl -u elastic:P@ssw0rd$1 https://localhost:9200')).toEqual(['elastic:P@ssw0rd$1']);
    expect(found('git push -u origin main')).toEqual([]);
    expect(found('curl -u USER:PASSWORD https://api.example.test')).toEqual([]);
    expect(found('curl -u "<user>:<password>" https://api.example.test')).toEqual([]);
    expect(found('curl -u <user>:s3cr3tPassw0rd https://api.example.test')).toEqual([
      '<user>:s3cr3tPassw0rd',
    ]);
  });

  it("Okta's SSWS scheme is a credential like Bearer", () => {
    const token = '00bH-uy8qM3AsYaLcW4PDRiqgkKfLNuoliMdVwY1pp';
    expect(found(`Authorization: SSWS ${token}`)).toEqual([token]);
  });
});

// The finders remember what they measured (the next `>`, a rule list split by a fourth character)
// so hostile runs stay cheap; these cases would catch a remembered answer reused where it is wrong.
describe('what the finders remember between candidates', () => {
  it("a form field's value is found after tags that had no value, closed or not", () => {
    const value = 'hunter2-xyz-0421';
    const texts = [
      // an earlier tag closed by `>`, then the field: the remembered `>` lies before it
      `<input name="email"><input name="password" value="${value}">`,
      // an earlier tag never closed within 500 characters, then the field
      `<input name="email" ${'x'.repeat(600)} <input name="password" value="${value}">`,
      // a tag closed just past the 500 characters searched, then the field
      `<input name="email" ${'z'.repeat(520)}><input name="password" value="${value}">`,
      // an unclosed tag whose search stopped short, then a field further on
      `<input name="email" ${'y'.repeat(120)}<b name="password" value="${value}">`,
    ];
    for (const text of texts) {
      const kept = redactText(text, new RedactionSession());
      expect(kept, text).not.toContain(value);
      expect(kept).toContain('name="password" value="[');
    }
  });

  it("a value past the tag's `>` is not the field's", () => {
    const text = '<input name="password"> value="not-the-password-42"';
    expect(redactText(text, new RedactionSession())).toBe(text);
  });

  it('keys sharing three characters with other rules are told apart by the fourth', () => {
    const spans = (text: string) => detectSensitive(text).map((s) => text.slice(s.start, s.end));
    const ant = `sk-ant-api03-${'a1B2'.repeat(23)}AA`;
    const proj = `sk-proj-${'Ab3d'.repeat(12)}`;
    expect(spans(`key ${ant} and ${proj}`)).toEqual([ant, proj]);
    // A run of the shared start holds no key, and the key after it is still found.
    expect(spans(`${'sk-'.repeat(50)} ${proj}`)).toEqual([proj]);
  });

  it('values that end together are judged each on its own, and a new run ends where it ends', () => {
    const spans = (text: string) => detectSensitive(text).map((s) => text.slice(s.start, s.end));
    // The first `code` value (to the `&`) has 9 distinct characters: not opaque. The second ends
    // at the same `&` but has 10 characters, 6 distinct: opaque (the bar is half its length, not
    // the 10 a value of 20 or more needs). The third starts a new run, ended by the blank.
    const text = `see x?code=${'c'.repeat(20)}?code=1c2d3e1c2d&code=QwE456rTy789UiO012 end`;
    expect(spans(text)).toEqual(['1c2d3e1c2d', 'QwE456rTy789UiO012']);
    // Values without an end, each holding the next assignment: none is opaque, none is taken.
    expect(spans(`+44 ${'AKIA?code=ghp_'.repeat(40)}`)).toEqual([]);
    expect(spans(`${'AKIA?code=ghp_'.repeat(40)}&code=QwE456rTy789UiO012`)).toEqual(['QwE456rTy789UiO012']);
  });

  it('Basic followed by what is not base64 is prose; base64 of user:password is a credential', () => {
    const spans = (text: string) => detectSensitive(text).map((s) => text.slice(s.start, s.end));
    const pair = btoa('deploy-bot:Tr0ub4dor&3x');
    expect(spans(`Authorization: Basic ${pair}`)).toEqual([pair]);
    // Unpadded base64 is what atob accepts too (WHATWG forgiving-base64).
    const unpadded = btoa('deploy-bot:Tr0ub4dor&3').replace(/=+$/, '');
    expect(unpadded.length % 4).not.toBe(0);
    expect(spans(`Basic  ${unpadded} and Basic 192.168.`)).toEqual([unpadded]);
    expect(spans(`${'@Basic 192.168.'.repeat(30)} Basic tokenized-words Basic ${'A'.repeat(21)}`)).toEqual(
      [],
    );
  });
});

describe('spans stay inside the text', () => {
  it('a private-key header cut off by the end of the text ends there', () => {
    for (const text of [
      'E KEY-----\n-----BEGIN RSA PRIVATE KEY---3',
      '-----BEGIN PRIVATE KEY',
      'x -----BEGIN OPENSSH PRIVATE KEY----',
    ]) {
      const spans = detectSensitive(text);
      expect(spans.length, text).toBe(1);
      for (const span of spans) expect(span.end, text).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('isoTimestampEnd', () => {
  /** The expression it is written out from: where its greedy match at `at` ends. */
  const ORACLE = /\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?)?/y;
  const oracle = (text: string, at: number): number => {
    ORACLE.lastIndex = at;
    return ORACLE.test(text) ? ORACLE.lastIndex : -1;
  };

  it('ends where the expression ends on dates, date-times, zones and near misses', () => {
    for (const text of [
      '2025-11-13',
      '2025-11-13T02:13:20.000Z',
      '2025-11-13 02:13',
      '2025-11-13T02:13:20+01:00',
      '2025-11-13T02:13:20-0130',
      '2025-11-13T02:13:20.1234567891Z',
      '2025-11-13T02:13:2',
      '2025-11-13T02:13:20+01:0',
      '2025-11-13T02:13:20+1',
      '2025-11-13T02:13Z',
      '2025-11-13t02:13:20z',
      '2025-1-13',
      '20251113',
    ])
      expect(isoTimestampEnd(text, 0), text).toBe(oracle(text, 0));
    expect(isoTimestampEnd('x2025-11-13T02:13:20Z"', 1)).toBe(21);
  });

  it('agrees with the expression on random dates, times, fractions and zones, whole or cut', () => {
    // Each part of a date-time, well formed or cut short, so most texts are near misses of one part.
    const part = (...choices: string[]) => fc.constantFrom('', ...choices);
    const text = fc
      .tuple(
        part('x'),
        fc.constantFrom('2025-11-13', '2025-1-13', '2025-11-1', '202-11-13'),
        part('T', ' ', 't'),
        part('02:13', '2:13', '02:1'),
        part(':20', ':2', ':'),
        part('.', '.1', '.123456789', '.1234567890'),
        part('Z', 'z', '+01:00', '-0130', '+01:0', '+1', '-01:'),
        part('0', '"', ' x', ':00'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const at = value.startsWith('x') ? 1 : 0;
        expect(isoTimestampEnd(value, at)).toBe(oracle(value, at));
      }),
      { numRuns: 3000 },
    );
  });
});
