import { describe, expect, it } from 'vitest';
import {
  redactBodyText,
  redactHeader,
  redactPath,
  redactUrl,
  RedactionSession,
} from '../../../src/core/redact/index.ts';

describe('redactUrl', () => {
  it('replaces userinfo, sensitive query values, emails in the path, and fragment tokens', () => {
    const session = new RedactionSession();
    expect(
      redactUrl(
        'https://ann:pw@api.test/v1/users/ann%40x.test/items?access_token=abc123&page=2#id_token=xyz789',
        session,
        'display',
      ),
    ).toBe(
      'https://[credential-1]@api.test/v1/users/[email-1]/items?access_token=[token-1]&page=2#id_token=[token-2]',
    );
  });

  it('writes a HAR URL as a valid URI: placeholders and decoded spaces percent-encoded, untouched parts as they were', () => {
    const url = redactUrl(
      'https://api.test/v1/x?email=a%40b.test&q=two words&sort=-created_at',
      new RedactionSession(),
      'har',
    );
    expect(url).toBe('https://api.test/v1/x?email=%5Bemail-1%5D&q=two%20words&sort=-created_at');
    expect(() => new URL(url)).not.toThrow();
    expect(url).toMatch(/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/);
  });

  it("takes Google's `key` and OpenWeather's `appid` only when the value looks generated", () => {
    const session = new RedactionSession();
    expect(
      redactUrl('https://maps.test/api/geocode/json?q=x&key=AbCdEf0123456789xYz_-QrStUv', session, 'display'),
    ).toBe('https://maps.test/api/geocode/json?q=x&key=[secret-1]');
    expect(
      redactUrl(
        'https://weather.test/data/2.5/weather?q=Paris&appid=0123456789abcdef0123456789abcdef',
        session,
        'display',
      ),
    ).toBe('https://weather.test/data/2.5/weather?q=Paris&appid=[secret-2]');
    expect(redactUrl('https://api.test/v1/items?sort=desc&key=created_at', session, 'display')).toBe(
      'https://api.test/v1/items?sort=desc&key=created_at',
    );
  });

  it('writes a lone surrogate (a JSON string may spell one) as U+FFFD instead of failing the URL', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`;
    // Query, path segment and a HAR URL: each once threw "URI malformed" from encodeURIComponent.
    expect(redactUrl(`https://api.test/v1/x?token=${token}&q=\ud800z`, new RedactionSession())).toBe(
      'https://api.test/v1/x?token=%5Btoken-1%5D&q=%EF%BF%BDz',
    );
    expect(redactUrl(`https://api.test/v1/${token}\udc00/x`, new RedactionSession())).toBe(
      'https://api.test/v1/%5Btoken-1%5D%EF%BF%BD/x',
    );
    const har = redactUrl(`https://api.test/a\ud800/b?q=\ud83d\ude00`, new RedactionSession(), 'har');
    expect(har).toBe('https://api.test/a%EF%BF%BD/b?q=%F0%9F%98%80');
    expect(() => new URL(har)).not.toThrow();
  });

  it('percent-encodes only what a URI may not hold raw, and keeps valid escapes', () => {
    const url = redactUrl('https://api.test/a b/%zz/%41?q=é&r=%2f', new RedactionSession(), 'har');
    expect(url).toBe('https://api.test/a%20b/%25zz/%41?q=%C3%A9&r=%2f');
  });

  it('keeps raw every ASCII character RFC 3986 allows, and escapes every other one', () => {
    // §2.2-2.3: unreserved and reserved characters; `%` only where it starts an escape (§2.1).
    const allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=";
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      const url = redactUrl(`https://api.test/p?q=x${char}y`, new RedactionSession(), 'har');
      const written = allowed.includes(char) ? char : encodeURIComponent(char);
      expect(url, `code ${code}`).toBe(`https://api.test/p?q=x${written}y`);
    }
    expect(redactUrl('https://api.test/p?q=%4&r=%4g&s=%4F', new RedactionSession(), 'har')).toBe(
      'https://api.test/p?q=%254&r=%254g&s=%4F',
    );
  });

  it('writes each UTF-8 byte of a character as encodeURIComponent does, at every length of encoding', () => {
    for (const char of [
      ' ',
      '"',
      '<',
      '\u0080',
      'é',
      '\u07ff',
      '\u0800',
      '€',
      '\uffff',
      '\u{10000}',
      '😀',
      '\u{10ffff}',
    ]) {
      const url = redactUrl(`https://api.test/p?q=${char}x${char}${char}`, new RedactionSession(), 'har');
      const encoded = encodeURIComponent(char);
      expect(url, char).toBe(`https://api.test/p?q=${encoded}x${encoded}${encoded}`);
    }
  });

  it('keeps relative references relative', () => {
    expect(redactUrl('/v1/x?email=a%40b.test', new RedactionSession(), 'display')).toBe(
      '/v1/x?email=[email-1]',
    );
  });

  it('never takes a route word for a secret, nor the segment after it', () => {
    const session = new RedactionSession();
    for (const path of [
      '/v1/auth/token',
      '/oauth/callback',
      '/v1/password/reset',
      '/v1/secret/data/payments',
      '/v1/reset-password/Zq81kd02',
      '/v1/tokens/tok_123',
    ])
      expect(redactPath(path, session), path).toBe(path);
  });

  it('replaces an OAuth code only when it looks generated', () => {
    const session = new RedactionSession();
    expect(redactUrl('/cb?code=4%2F0AX4XfWh3sdfkj23kjsdf98sdf&state=xyz', session, 'display')).toBe(
      '/cb?code=[secret-1]&state=xyz',
    );
    expect(redactUrl('/countries?code=DE', session, 'display')).toBe('/countries?code=DE');
  });

  it('replaces the secret path of webhook URLs (Slack, Discord, Teams) and a Telegram bot token', () => {
    const session = new RedactionSession();
    const slack = ['https://hooks.slack.com/services', 'T0001', 'B0002', 'x'.repeat(24)].join('/');
    expect(redactUrl(slack, session, 'display')).toBe('https://hooks.slack.com/services/[token-1]');
    const discord = `https://discord.com/api/webhooks/123456789012345678/${'aB3'.repeat(22)}`;
    expect(redactUrl(discord, session, 'display')).toBe(
      'https://discord.com/api/webhooks/123456789012345678/[token-2]',
    );
    const telegram = `https://api.telegram.org/bot123456789:${'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1'}/sendMessage`;
    expect(redactUrl(telegram, session, 'display')).toBe('https://api.telegram.org/bot[token-3]/sendMessage');
  });
});

describe('redactHeader', () => {
  it('keeps the scheme of Authorization and the names of cookies', () => {
    const session = new RedactionSession();
    expect(redactHeader('Authorization', 'Bearer abc.def.ghi', session)).toBe('Bearer [token-1]');
    expect(redactHeader('Proxy-Authorization', 'Basic dXNlcjpwdw==', session)).toBe('Basic [credential-1]');
    expect(redactHeader('Cookie', 'sid=abc; theme=dark', session)).toBe('sid=[cookie-1]; theme=[cookie-2]');
    expect(redactHeader('Set-Cookie', 'sid=abc; Path=/; HttpOnly', session)).toBe(
      'sid=[cookie-1]; Path=/; HttpOnly',
    );
  });

  it('reads what follows a Set-Cookie value as attributes: ordinary ones stay, a credential in them goes', () => {
    const session = new RedactionSession();
    const attributes =
      '; Path=/; Domain=.example.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=Lax; Partitioned; Priority=High';
    expect(redactHeader('Set-Cookie', `sid=abc123${attributes}`, session)).toBe(
      `sid=[cookie-1]${attributes}`,
    );
    // A SigV4 value set as a cookie: its own `;` ends the cookie value (RFC 6265 §5.2), and the
    // signature after it used to stay in clear among the attributes.
    const signature = 'ab4f245d1f0e3a9c8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b';
    const sigV4 = `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`;
    const out = redactHeader('Set-Cookie', `Authorization=${sigV4}; Path=/; HttpOnly`, session);
    expect(out).not.toContain(signature.slice(0, 12));
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(out).toMatch(/Signature=\[secret-\d+\]; Path=\/; HttpOnly$/);
  });

  it('replaces credential headers of any vendor spelling whole and leaves ordinary ones', () => {
    const session = new RedactionSession();
    expect(redactHeader('X-Api-Key', 'k-123456', session)).toBe('[api-key-1]');
    expect(redactHeader('X-Api-Secret', 's-123456', session)).toBe('[secret-1]');
    expect(redactHeader('DD-APPLICATION-KEY', 'a1b2c3d4e5', session)).toBe('[api-key-2]');
    expect(redactHeader('Ocp-Apim-Subscription-Key', 'f0e1d2c3b4', session)).toBe('[api-key-3]');
    expect(redactHeader('X-Hub-Signature-256', 'sha256=abc123', session)).toBe('[secret-2]');
    expect(redactHeader('Idempotency-Key', '5d1c8f0e-2b7a', session)).toBe('5d1c8f0e-2b7a');
    expect(redactHeader('Accept', 'application/json', session)).toBe('application/json');
    expect(redactHeader('Retry-After', '30', session)).toBe('30');
    expect(redactHeader('Referer', 'https://app.test/?email=a%40b.test', session)).toBe(
      'https://app.test/?email=%5Bemail-1%5D',
    );
  });
});

describe('redactBodyText', () => {
  it('redacts a form body by field name and keeps other fields encoded as they were', () => {
    expect(
      redactBodyText(
        'password=p%40ss&plan=pro+max',
        'application/x-www-form-urlencoded',
        new RedactionSession(),
      ),
    ).toBe('password=%5Bpassword-1%5D&plan=pro+max');
  });

  it('redacts multipart parts by their field name', () => {
    const text = '--B\r\nContent-Disposition: form-data; name="ssn"\r\n\r\n536228471\r\n--B--\r\n';
    expect(redactBodyText(text, 'multipart/form-data; boundary=B', new RedactionSession())).toBe(
      '--B\r\nContent-Disposition: form-data; name="ssn"\r\n\r\n[national-id-1]\r\n--B--\r\n',
    );
  });

  it('reads a quoted multipart boundary', () => {
    const text = '--a;b\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunter22\r\n--a;b--\r\n';
    expect(
      redactBodyText(text, 'multipart/form-data; charset=utf-8; boundary="a;b"', new RedactionSession()),
    ).toContain('[password-1]');
  });

  it('falls back to text redaction when a JSON body does not parse', () => {
    expect(redactBodyText('{"email": "a@b.test", ', 'application/json', new RedactionSession())).toBe(
      '{"email": "[email-1]", ',
    );
  });
});

describe("a one-time link's secret in a path", () => {
  const secret = 'XE6wE17zmphl3KqAPFxO';

  it.each([
    'signin/reset-password',
    'reset_password',
    'set-password',
    'welcome',
    'invite',
    'invitations',
    'magic-link',
    'verify-email',
    'confirm',
    'activation',
    'unlock',
    'recovery',
  ])('goes after /%s/', (words) => {
    const url = `https://app.example.test/${words}/${secret}`;
    expect(redactUrl(url, new RedactionSession())).toBe(`https://app.example.test/${words}/%5Btoken-1%5D`);
  });

  it('goes before the action it confirms after /tokens/, and in a URL written in text', () => {
    expect(redactUrl(`https://app.example.test/tokens/${secret}/verify`, new RedactionSession())).toBe(
      'https://app.example.test/tokens/%5Btoken-1%5D/verify',
    );
    expect(
      redactBodyText(
        `Reset it at https://app.example.test/reset-password/${secret}.`,
        'text/plain',
        new RedactionSession(),
      ),
    ).toBe('Reset it at https://app.example.test/reset-password/[token-1].');
  });

  it("keeps a resource's id: a factor's before /verify, a typed id after /verify, a user's before /lifecycle", () => {
    for (const url of [
      'https://app.example.test/api/v1/users/00u15s1KDETTQMQYABRL/factors/fuf2rovRxogXJ0nDy0g4/verify',
      'https://app.example.test/verify/idv_4FrXJvfQU3zGUR',
      'https://app.example.test/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/reset_password',
    ])
      expect(redactUrl(url, new RedactionSession())).toBe(url);
  });
});
