import { asRecord } from '../../formats/index.ts';
import { defineProvider } from '../provider.ts';

const docUrl = 'https://shopify.dev/docs/api/usage/rate-limits';
const CODES = 'https://shopify.dev/docs/api/usage/response-codes';

/**
 * Shopify's Admin APIs: REST 429 with Retry-After and a leaky bucket in
 * X-Shopify-Shop-Api-Call-Limit; GraphQL answers 200 with `THROTTLED` and a query cost budget.
 */
export const shopify = defineProvider(
  {
    formatVersion: 1,
    id: 'shopify',
    name: 'Shopify',
    docUrl,
    recognize: {
      hosts: ['*.myshopify.com'],
      signatures: [{ responseHeaders: ['x-shopify-shop-api-call-limit'] }],
    },
    fields: { requestId: ['header:x-request-id'] },
    rules: [
      {
        id: 'graphql-throttled',
        when: { bodyFormat: ['graphql'], code: ['THROTTLED'] },
        then: {
          category: 'rate_limited',
          retry: 'yes',
          action:
            'The query cost is more than the bucket holds right now; it refills at the restore rate shown in extensions.cost.throttleStatus.',
        },
        doc: { url: docUrl, section: 'Calculated query costs' },
      },
      {
        id: '429',
        when: { status: [429] },
        then: {
          retry: 'yes',
          action:
            "The app's request bucket is full (X-Shopify-Shop-Api-Call-Limit shows it); pace requests to the leak rate.",
        },
        doc: { url: docUrl, section: 'Leaky bucket algorithm' },
      },
      {
        id: '402',
        when: { status: [402] },
        then: {
          category: 'client_error',
          retry: 'no',
          action:
            'The shop is frozen until its owner pays an outstanding bill; nothing to fix in the request.',
        },
        doc: { url: CODES, section: '402 Payment Required' },
      },
      {
        id: '423',
        when: { status: [423] },
        then: {
          category: 'client_error',
          retry: 'no',
          action: 'The shop is locked; resending will not help until Shopify unlocks it.',
        },
        doc: { url: CODES, section: '423 Locked' },
      },
    ],
  },
  {
    waits: {
      // The wait Shopify implies but does not state: the GraphQL cost fields give the bucket's
      // shortfall and its refill rate, so (requested - available) / restoreRate seconds. A division
      // the profile format cannot express, hence code.
      'graphql-throttled': (context) => {
        const cost = asRecord(asRecord(asRecord(context.json)?.['extensions'])?.['cost']);
        const status = asRecord(cost?.['throttleStatus']);
        const requested = Number(cost?.['requestedQueryCost']);
        const available = Number(status?.['currentlyAvailable']);
        const rate = Number(status?.['restoreRate']);
        if (![requested, available, rate].every(Number.isFinite) || rate <= 0) return undefined;
        const seconds = Math.max(0, Math.ceil((requested - available) / rate));
        return {
          seconds,
          source: 'GraphQL query cost',
          evidence: {
            source: 'body',
            detail: `query cost ${requested}, ${available} available, restoring ${rate}/s: ${seconds} s`,
          },
        };
      },
    },
  },
);
