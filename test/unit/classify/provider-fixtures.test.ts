import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { HarEntry } from '../../../src/core/har.ts';
import { isFailure } from '../../../src/core/is-failure.ts';
import { parseHar } from '../../../src/core/parse-har.ts';
import type { BuiltInProviderId } from '../../../src/core/profiles/index.ts';
import { resendPhrase, retryLine } from '../../../src/core/retry/index.ts';

/**
 * What one fixture entry documents: the entry's HAR `comment` names the doc page (URL, or the
 * title of a seed provider's doc) and `_expect` what that doc says the client should see.
 */
interface Expected {
  provider?: string;
  recognizedBy?: Diagnosis['recognizedBy']['source'];
  failure?: boolean;
  category?: Diagnosis['category'];
  retry?: Diagnosis['retry'];
  retryAfterS?: number;
  waitSource?: string;
  backoffS?: number[];
  maxAttempts?: number;
  retryKey?: Diagnosis['idempotency']['retryKey'];
  requestId?: string;
  code?: string;
  action?: string;
  notAction?: string;
}

// One fixture file per built-in provider, keyed by the registry's id union: a provider added to
// the registry without documented-failure fixtures does not compile.
const FIXTURES: Readonly<Record<BuiltInProviderId, string>> = {
  persona: 'persona',
  ranex: 'ranex',
  'error-envelope': 'error-envelope',
  persly: 'persly',
  privo: 'privo',
  openai: 'openai',
  anthropic: 'anthropic',
  stripe: 'stripe',
  github: 'github',
  google: 'google',
  aws: 'aws',
  twilio: 'twilio',
  slack: 'slack',
  shopify: 'shopify',
  cloudflare: 'cloudflare',
  'microsoft-graph': 'microsoft-graph',
  generic: 'generic',
};

// PRIVO documents no host: a user maps it (DESIGN.md "Recognition order").
const HOST_MAP = {
  'api.privo.example': 'privo',
  'api.ranex.example': 'ranex',
  'api.envelope.example': 'error-envelope',
};

type Documented = HarEntry & { comment?: string; _expect?: Expected };

function load(name: string): Documented[] {
  const text = readFileSync(
    new URL(`../../fixtures/classify/providers/${name}.har`, import.meta.url),
    'utf8',
  );
  const parsed = parseHar(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error}`);
  return parsed.har.log.entries as Documented[];
}

describe.each(Object.entries(FIXTURES))('%s: documented failures', (provider, name) => {
  const entries = load(name);

  it('names the doc each fixture comes from', () => {
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) {
      expect(entry.comment, entry.request?.url).toMatch(/\S/);
      expect(entry._expect, entry.request?.url).toBeDefined();
    }
  });

  it.each(
    entries.map(
      (entry, index) =>
        [
          `${index} ${entry.request?.method} ${entry.response?.status} (${entry.comment ?? ''})`,
          entry,
          index,
        ] as const,
    ),
  )('%s', (_label, entry, index) => {
    const want = entry._expect ?? {};
    const exchange = exchangeFromHarEntry(entry, index);
    expect(isFailure(exchange)).toBe(want.failure ?? true);
    if (want.failure === false) return;
    const d = classify(exchange, { hostMap: HOST_MAP });
    expect(d.provider).toBe(want.provider ?? provider);
    if (want.recognizedBy !== undefined) expect(d.recognizedBy.source).toBe(want.recognizedBy);
    if (want.category !== undefined) expect(d.category).toBe(want.category);
    if (want.retry !== undefined) expect(d.retry).toBe(want.retry);
    if (want.retryAfterS !== undefined) expect(d.retryAfterS).toBe(want.retryAfterS);
    if (want.waitSource !== undefined) expect(d.waitSource).toBe(want.waitSource);
    if (want.backoffS !== undefined) expect(d.backoffS).toEqual(want.backoffS);
    if (want.maxAttempts !== undefined) expect(d.maxAttempts).toBe(want.maxAttempts);
    if (want.retryKey !== undefined) expect(d.idempotency.retryKey).toBe(want.retryKey);
    if (want.requestId !== undefined) expect(d.error?.requestId).toBe(want.requestId);
    if (want.code !== undefined) expect(d.error?.code).toBe(want.code);
    if (want.action !== undefined) expect(d.action).toMatch(new RegExp(want.action));
    if (want.notAction !== undefined) expect(d.action).not.toMatch(new RegExp(want.notAction));
    // The Retry line and the headline come from one function: the same timing words in both.
    const when = resendPhrase(d);
    if (when === undefined) expect(retryLine(d)).toBe('no: do not resend it unchanged');
    else {
      expect(d.action.toLowerCase()).toContain(when.toLowerCase());
      expect(retryLine(d)).toContain(when);
    }
  });
});
