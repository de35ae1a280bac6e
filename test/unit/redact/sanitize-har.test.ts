import { describe, expect, it } from 'vitest';
import type { Har, HarEntry } from '../../../src/core/har.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import { sanitizeHar } from '../../../src/core/redact/index.ts';

function entry(url: string, extra: Partial<HarEntry> = {}): HarEntry {
  return {
    startedDateTime: '2026-11-22T05:00:00.000Z',
    time: 12,
    request: {
      method: 'GET',
      url,
      headers: [{ name: 'X-Api-Key', value: 'rnx-key-0001' }],
      queryString: [],
      cookies: [],
    },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      headers: [],
      cookies: [],
      content: { mimeType: 'text/plain', text: '' },
    },
    timings: { send: 1, wait: 10, receive: 1 },
    ...extra,
  };
}

function har(entries: HarEntry[]): Har {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}

describe('sanitizeHar', () => {
  it('keeps a broken item in place, so indexes still match, with its text redacted', () => {
    const email = ['jane', 'example.com'].join('@');
    const har = { log: { entries: [null, `contact ${email}`, 7] } } as unknown as Har;
    expect(sanitizeHar(har).log.entries).toEqual([null, 'contact [email-1]', 7]);
  });

  it('replaces a header named key or code only when its value looks generated', () => {
    const sanitized = sanitizeHar(
      har([
        entry('https://api.example.test/v1/weather', {
          response: {
            status: 401,
            statusText: 'Unauthorized',
            headers: [
              { name: 'Key', value: 'CV3cn7aKxtVlongOryYIJwfs6uVw0orfJk8C6nw' },
              { name: 'Code', value: 'ERR_BAD_REQUEST_400' },
            ],
            cookies: [],
            content: { mimeType: 'text/plain', text: 'key CV3cn7aKxtVlongOryYIJwfs6uVw0orfJk8C6nw rejected' },
          },
        }),
      ]),
    );
    const response = sanitized.log.entries[0]?.response;
    expect(response?.headers).toEqual([
      { name: 'Key', value: '[secret-1]' },
      { name: 'Code', value: 'ERR_BAD_REQUEST_400' },
    ]);
    // One decision per value: the body's echo gets the same placeholder.
    expect(response?.content?.text).toBe('key [secret-1] rejected');
  });

  it('returns a new HAR and leaves the input untouched', () => {
    const input = har([entry('https://api.test/v1/x?email=a%40b.test')]);
    const before = structuredClone(input);
    const out = sanitizeHar(input);
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
    expect(out.log.entries[0]?.request?.url).toBe('https://api.test/v1/x?email=%5Bemail-1%5D');
  });

  it('uses one session for the file, so a key has the same placeholder in every entry', () => {
    const out = sanitizeHar(har([entry('https://api.test/a'), entry('https://api.test/b')]));
    const keys = out.log.entries.map((item) => item.request?.headers?.[0]?.value);
    expect(keys).toEqual(['[api-key-1]', '[api-key-1]']);
  });

  it('stays a HAR that parses, with entry count, methods, statuses and timings kept', () => {
    const input = har([entry('https://api.test/a'), entry('https://api.test/b?token=abc')]);
    const out = sanitizeHar(input);
    const parsed = parseHar(JSON.stringify(out));
    expect(parsed.ok).toBe(true);
    expect(
      out.log.entries.map((item) => [item.request?.method, item.response?.status, item.timings]),
    ).toEqual(input.log.entries.map((item) => [item.request?.method, item.response?.status, item.timings]));
  });

  it('decodes base64 text content, redacts it and encodes it again', () => {
    const text = JSON.stringify({ email: 'ann@x.test', ok: true });
    const input = har([
      entry('https://api.test/a', {
        response: {
          status: 200,
          content: { mimeType: 'application/json', text: btoa(text), encoding: 'base64' },
        },
      }),
    ]);
    const content = sanitizeHar(input).log.entries[0]?.response?.content;
    expect(content?.encoding).toBe('base64');
    expect(atob(String(content?.text))).toBe('{"email":"[email-1]","ok":true}');
  });

  it('redacts request bodies, query lists, cookies, redirects, custom fields and page titles', () => {
    const input = har([
      entry('https://api.test/login?session=s1', {
        request: {
          method: 'POST',
          url: 'https://api.test/login?session=s1',
          headers: [],
          queryString: [{ name: 'session', value: 's1' }],
          cookies: [{ name: 'sid', value: 'c00k1e', httpOnly: true }],
          postData: { mimeType: 'application/json', text: '{"username":"ann","password":"pw-1"}' },
        },
        response: {
          status: 302,
          redirectURL: 'https://app.test/cb?code=1&access_token=t0k',
          content: { text: '' },
        },
        _initiator: { type: 'script', stack: { callFrames: [{ url: 'https://app.test/a.js?api_key=k-9' }] } },
      }),
    ]);
    input.log.pages = [{ id: 'p', title: 'https://app.test/?email=a%40b.test' }];
    const out = sanitizeHar(input);
    const item = out.log.entries[0];
    expect(item?.request?.queryString).toEqual([{ name: 'session', value: '[session-1]' }]);
    expect(item?.request?.cookies).toEqual([{ name: 'sid', value: '[cookie-1]', httpOnly: true }]);
    expect(item?.request?.postData?.text).toBe('{"username":"[name-1]","password":"[password-1]"}');
    expect(item?.response?.redirectURL).toBe('https://app.test/cb?code=1&access_token=%5Btoken-1%5D');
    expect(JSON.stringify(item?._initiator)).toContain('api_key=%5Bapi-key-1%5D');
    expect((out.log.pages as { title: string }[])[0]?.title).toBe('https://app.test/?email=%5Bemail-1%5D');
  });
});

describe("a value judged elsewhere is not replaced in a URL's host", () => {
  // GitHub's REST examples: an organisation's `twitter_username: "github"` is read as a person's
  // handle, and replacing it wherever it recurred turned every URL into `https://api.[name-1].com`.
  const body = JSON.stringify({
    twitter_username: 'acme-corp',
    blog: 'https://acme-corp.example.com/blog',
    repos_url: 'https://api.acme-corp.io/orgs/acme-corp/repos',
    note: 'ask acme-corp on https://acme-corp.example.com, or https://acme-corp:pw@db.example.com',
    // A port is the host's; a user name without a password is userinfo; a host after userinfo and
    // an scp-like Git remote's host are hosts; a handle in prose is the value.
    links: [
      'https://acme-corp.example.com:8443/x',
      'https://acme-corp@db.example.com/',
      'https://deploy:pw@acme-corp.io/',
      'git@acme-corp.io:owner/repo.git',
      'ping @acme-corp today',
    ],
  });
  const sanitized = sanitizeHar(
    har([
      entry('https://api.acme-corp.io/orgs/acme-corp', {
        request: {
          method: 'GET',
          url: 'https://api.acme-corp.io/orgs/acme-corp',
          headers: [
            { name: 'Host', value: 'api.acme-corp.io' },
            { name: 'Referer', value: 'https://acme-corp.example.com/settings' },
          ],
          queryString: [],
          cookies: [],
        },
        response: {
          status: 404,
          statusText: 'Not Found',
          headers: [],
          cookies: [],
          content: { mimeType: 'application/json', text: body },
        },
      }),
    ]),
  ).log.entries[0];

  it('keeps the hosts of URLs in a body, and replaces the value in paths, prose and userinfo', () => {
    expect(JSON.parse(sanitized?.response?.content?.text ?? '{}')).toEqual({
      twitter_username: '[name-1]',
      blog: 'https://acme-corp.example.com/blog',
      repos_url: 'https://api.acme-corp.io/orgs/[name-1]/repos',
      note: 'ask [name-1] on https://acme-corp.example.com, or https://[credential-1]@db.example.com',
      links: [
        'https://acme-corp.example.com:8443/x',
        'https://%5Bname-1%5D@db.example.com/',
        'https://%5Bcredential-2%5D@acme-corp.io/',
        'git@acme-corp.io:owner/repo.git',
        'ping @[name-1] today',
      ],
    });
  });

  it('keeps the host in the request URL, the Host header and a Referer alike', () => {
    expect(sanitized?.request?.url).toBe('https://api.acme-corp.io/orgs/%5Bname-1%5D');
    expect(sanitized?.request?.headers).toEqual([
      { name: 'Host', value: 'api.acme-corp.io' },
      { name: 'Referer', value: 'https://acme-corp.example.com/settings' },
    ]);
  });
});
