import { describe, expect, it } from 'vitest';
import { redactBodyText } from '../../../src/core/redact/index.ts';
import { redactHeader } from '../../../src/core/redact/index.ts';
import { redactPath } from '../../../src/core/redact/index.ts';
import { redactUrl } from '../../../src/core/redact/index.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';

describe('redactUrl', () => {
  it('replaces userinfo, sensitive query values, emails in the path, and fragment tokens', () => {
    const session = new RedactionSession();
    expect(
      redactUrl(
        'https://ann:pw@api.test/v1/users/ann%40x.test/items?access_token=abc123&page=2#id_token=xyz789',
        session,
      ),
    ).toBe(
      'https://[credential-1]@api.test/v1/users/[email-1]/items?access_token=[token-1]&page=2#id_token=[token-2]',
    );
  });

  it('keeps relative references relative', () => {
    expect(redactUrl('/v1/x?email=a%40b.test', new RedactionSession())).toBe('/v1/x?email=[email-1]');
  });

  it('replaces the segment after one named like a credential, not after a plural collection', () => {
    const session = new RedactionSession();
    expect(redactPath('/v1/reset-password/Zq81kd02', session)).toBe('/v1/reset-password/[password-1]');
    expect(redactPath('/v1/tokens/tok_123', session)).toBe('/v1/tokens/tok_123');
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

  it('replaces custom credential headers whole and leaves ordinary ones', () => {
    const session = new RedactionSession();
    expect(redactHeader('X-Api-Key', 'k-123456', session)).toBe('[api-key-1]');
    expect(redactHeader('X-Api-Secret', 's-123456', session)).toBe('[secret-1]');
    expect(redactHeader('Accept', 'application/json', session)).toBe('application/json');
    expect(redactHeader('Retry-After', '30', session)).toBe('30');
    expect(redactHeader('Referer', 'https://app.test/?email=a%40b.test', session)).toBe(
      'https://app.test/?email=[email-1]',
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
    ).toBe('password=[password-1]&plan=pro+max');
  });

  it('redacts multipart parts by their field name', () => {
    const text = '--B\r\nContent-Disposition: form-data; name="ssn"\r\n\r\n536228471\r\n--B--\r\n';
    expect(redactBodyText(text, 'multipart/form-data; boundary=B', new RedactionSession())).toBe(
      '--B\r\nContent-Disposition: form-data; name="ssn"\r\n\r\n[national-id-1]\r\n--B--\r\n',
    );
  });

  it('falls back to text redaction when a JSON body does not parse', () => {
    expect(redactBodyText('{"email": "a@b.test", ', 'application/json', new RedactionSession())).toBe(
      '{"email": "[email-1]", ',
    );
  });
});
