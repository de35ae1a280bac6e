import { readFileSync } from 'node:fs';
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import {
  BUILT_IN_PROVIDER_IDS,
  checkProfileDocument,
  loadProfile,
  loadProfileText,
  registryFor,
  type ProfileDocument,
} from '../../../src/core/profiles/index.ts';
import { exchangeOf } from './exchange-of.ts';

const SCHEMA = JSON.parse(
  readFileSync(new URL('../../../src/core/profiles/profile.schema.json', import.meta.url), 'utf8'),
) as object;
// The JSON Schema, run by a real validator: the contract users' editors and CI would use.
const schema = new Validator(SCHEMA as never, '2020-12', false);
const schemaAccepts = (value: unknown): boolean => schema.validate(value).valid;
const ACME_TEXT = readFileSync(new URL('../../fixtures/profiles/acme.json', import.meta.url), 'utf8');
const ACME = JSON.parse(ACME_TEXT) as ProfileDocument;
const clone = (doc: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;

const builtInDocuments = (): ProfileDocument[] => {
  const registry = registryFor(undefined);
  return [...BUILT_IN_PROVIDER_IDS].map((id) => {
    const profile = registry.byId(id);
    if (profile === undefined) throw new Error(id);
    return profile.document;
  });
};

// Each: a change to a valid document, and the path the run-time check must name.
const BROKEN: [string, (doc: Record<string, unknown>) => void, RegExp][] = [
  ['wrong format version', (d) => (d['formatVersion'] = 2), /^formatVersion: this version reads format 1/],
  ['upper-case id', (d) => (d['id'] = 'Acme'), /^id: "Acme" is not an id/],
  ['missing name', (d) => delete d['name'], /^the profile: missing "name"/],
  ['unknown top-level property', (d) => (d['rulez'] = []), /unknown property "rulez"/],
  [
    'bad host',
    (d) => ((d['recognize'] as Record<string, unknown>)['hosts'] = ['https://api.acme.example/']),
    /^recognize\.hosts\[0\]/,
  ],
  [
    'unknown category',
    (d) => (rule(d, 0)['then'] = { category: 'teapot' }),
    /^rules\[0\]\.then\.category: "teapot" is not one of/,
  ],
  ['unknown retry verdict', (d) => (rule(d, 1)['then'] = { retry: 'maybe' }), /^rules\[1\]\.then\.retry/],
  [
    'status out of range',
    (d) => (rule(d, 0)['when'] = { status: [700] }),
    /^rules\[0\]\.when\.status\[0\]: 700 is outside/,
  ],
  ['rule without doc', (d) => delete rule(d, 2)['doc'], /^rules\[2\]: missing "doc"/],
  [
    'doc URL not http',
    (d) => (rule(d, 2)['doc'] = { section: 'x', url: 'javascript:alert(1)' }),
    /^rules\[2\]\.doc\.url/,
  ],
  [
    'malformed field path',
    (d) => ((d['fields'] as Record<string, unknown>)['code'] = ['fault..code']),
    /^fields\.code\[0\]: "fault\.\.code" is not a path/,
  ],
  ['negative backoff', (d) => (d['backoff'] = { delaysS: [-1] }), /^backoff\.delaysS\[0\]: -1 is outside/],
  [
    'string where a list belongs',
    (d) => (rule(d, 0)['when'] = { method: 'POST' }),
    /^rules\[0\]\.when\.method: expected a list/,
  ],
];

function rule(doc: Record<string, unknown>, index: number): Record<string, unknown> {
  return (doc['rules'] as Record<string, unknown>[])[index] as Record<string, unknown>;
}

describe('profile.schema.json and the run-time check', () => {
  it('accept every built-in profile document (the built-ins are written in the user format)', () => {
    for (const doc of builtInDocuments()) {
      expect(schema.validate(doc).errors, doc.id).toEqual([]);
      expect(checkProfileDocument(doc), doc.id).toEqual({ ok: true, document: doc });
    }
  });

  it('accept the example team profile', () => {
    expect(schemaAccepts(ACME)).toBe(true);
    expect(checkProfileDocument(ACME).ok).toBe(true);
  });

  it.each(BROKEN)('both refuse a document with %s, the check naming where', (_name, breakIt, message) => {
    const doc = clone(ACME);
    breakIt(doc);
    expect(schemaAccepts(doc)).toBe(false);
    const checked = checkProfileDocument(doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join('\n')).toMatch(message);
  });

  it('agree on random edits of a valid document', () => {
    const paths: ((d: Record<string, unknown>, v: unknown) => void)[] = [
      (d, v) => (d['id'] = v),
      (d, v) => (d['name'] = v),
      (d, v) => (rule(d, 0)['id'] = v),
      (d, v) => ((rule(d, 0)['then'] as Record<string, unknown>)['retry'] = v),
      (d, v) => ((rule(d, 0)['when'] as Record<string, unknown>)['status'] = v),
      (d, v) => ((d['recognize'] as Record<string, unknown>)['hosts'] = v),
      (d, v) => (d['backoff'] = v),
      (d, v) => (d['supportIdentifiers'] = v),
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paths.length - 1 }),
        fc.jsonValue({ maxDepth: 2 }),
        (which, value) => {
          const doc = clone(ACME);
          paths[which]?.(doc, value);
          expect(checkProfileDocument(doc).ok).toBe(schemaAccepts(doc));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on any JSON value and answers a one-line error', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const loaded = loadProfile(value);
        if (!loaded.ok) expect(loaded.error).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
    expect(loadProfileText('{"formatVersion": 1, ')).toMatchObject({ ok: false, error: /^not JSON/ });
    expect(loadProfileText('')).toMatchObject({ ok: false });
  });

  it('refuses a broken regular expression with a message instead of failing later', () => {
    const doc = clone(ACME);
    rule(doc, 0)['when'] = { message: '(unclosed' };
    const checked = checkProfileDocument(doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems[0]).toMatch(/^rules\[0\]\.when\.message: not a valid regular expression/);
  });

  it('refuses two rules with one id and the reserved id "generic"', () => {
    const doc = clone(ACME);
    rule(doc, 1)['id'] = 'busy';
    expect(checkProfileDocument(doc)).toMatchObject({
      ok: false,
      problems: [/rules\[1\]\.id: "busy" is used by an earlier rule/],
    });
    expect(loadProfile({ ...ACME, id: 'generic' })).toMatchObject({ ok: false, error: /reserved|baseline/ });
  });
});

describe('a loaded user profile classifies like a built-in', () => {
  const acme = loadProfileText(ACME_TEXT);
  if (!acme.ok) throw new Error(acme.error);
  const profiles = [acme.profile];
  const fault = (code: string) => JSON.stringify({ fault: { code, text: 'details', trace: 'tr-body' } });

  it('is recognised by host (and wildcard host), its fields read, its rules applied', () => {
    const d = classify(
      exchangeOf({
        method: 'POST',
        url: 'https://eu.orders.acme.example/v2/orders/o_1',
        status: 409,
        body: fault('ORDER_BUSY'),
        responseHeaders: [{ name: 'X-Acme-Trace', value: 'tr-123' }],
        requestHeaders: [{ name: 'Acme-Request-Token', value: 'tok-1' }],
      }),
      { profiles },
    );
    expect(d).toMatchObject({
      provider: 'acme',
      providerName: 'Acme Orders API',
      category: 'rate_limited',
      retry: 'yes',
      backoffS: [2, 4, 8],
      idempotency: { keySent: 'tok-1', retryKey: 'same', header: 'Acme-Request-Token' },
      error: { code: 'ORDER_BUSY', message: 'details', requestId: 'tr-123' },
      doc: { url: 'https://developer.acme.example/docs/errors#order-busy', section: 'ORDER_BUSY' },
    });
    expect(d.action).toBe(
      'Resend with backoff of 2, 4, 8 s. Another change to order ORDER_BUSY is in flight; Acme releases the lock within seconds.',
    );
  });

  it('is recognised by its response-header signature on another host, after the built-ins by host', () => {
    const headers = [{ name: 'x-acme-trace', value: 'tr-9' }];
    const elsewhere = classify(
      exchangeOf({
        status: 422,
        url: 'https://gw.partner.test/o',
        body: fault('ORDER_CLOSED'),
        responseHeaders: headers,
      }),
      { profiles },
    );
    expect(elsewhere).toMatchObject({
      provider: 'acme',
      recognizedBy: { source: 'header' },
      category: 'conflict',
      retry: 'no',
    });
    const stripeHost = classify(
      exchangeOf({ status: 422, url: 'https://api.stripe.com/v1/x', responseHeaders: headers }),
      { profiles },
    );
    expect(stripeHost.provider).toBe('stripe');
  });

  it('drops an optional [part] whose placeholder has no value, keeps it otherwise', () => {
    const url = 'https://api.acme.example/v2/orders';
    const withTrace = classify(exchangeOf({ method: 'GET', url, status: 503, body: fault('DOWN') }), {
      profiles,
    });
    expect(withTrace.action).toMatch(/; quote trace tr-body to Acme support\.$/);
    const bare = classify(exchangeOf({ method: 'GET', url, status: 503, body: '{}' }), { profiles });
    expect(bare.action).toMatch(/Acme-Request-Token\.$/);
    expect(bare).toMatchObject({ retry: 'yes', maxAttempts: 4 });
  });

  it('replaces a built-in of the same id, and can be named by a host mapping', () => {
    const own = loadProfile({
      ...ACME,
      id: 'stripe',
      name: 'Stripe (our gateway)',
      recognize: { hosts: ['api.stripe.com'] },
    });
    if (!own.ok) throw new Error(own.error);
    expect(
      classify(exchangeOf({ status: 500, url: 'https://api.stripe.com/v1/x' }), { profiles: [own.profile] })
        .providerName,
    ).toBe('Stripe (our gateway)');
    const mapped = classify(
      exchangeOf({ status: 409, url: 'https://orders.internal.test/o', body: fault('ORDER_BUSY') }),
      {
        profiles,
        hostMap: { 'orders.internal.test': 'acme' },
      },
    );
    expect(mapped).toMatchObject({
      provider: 'acme',
      recognizedBy: { source: 'mapping' },
      category: 'rate_limited',
    });
  });
});
