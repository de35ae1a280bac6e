import { defineProvider } from '../provider.ts';

const docUrl = 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api';
const trouble = (anchor: string, section: string) => ({ url: `${docUrl}#${anchor}`, section });
const RATE_LIMITS = {
  url: 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit',
  section: 'Exceeding the rate limit',
};

/** GitHub's REST and GraphQL APIs (docs.github.com troubleshooting and rate-limit pages). */
export const github = defineProvider({
  formatVersion: 1,
  id: 'github',
  name: 'GitHub',
  docUrl,
  recognize: {
    hosts: ['api.github.com', 'uploads.github.com'],
    // GitHub Enterprise Server answers from the customer's own host, with the same request id header.
    signatures: [{ responseHeaders: ['x-github-request-id'] }],
  },
  fields: {
    code: ['errors[0].code'],
    docUrl: ['documentation_url'],
    requestId: ['header:x-github-request-id'],
  },
  rules: [
    {
      id: 'graphql-rate-limited',
      when: { bodyFormat: ['graphql'], code: ['RATE_LIMITED'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'none',
        action:
          'The GraphQL point budget for the hour is spent, although the status is 200; it refills at x-ratelimit-reset.',
      },
      doc: {
        url: 'https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#exceeding-the-rate-limit',
        section: 'Exceeding the rate limit',
      },
    },
    {
      id: 'secondary',
      when: { status: [403, 429], message: 'secondary rate limit' },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        // "Otherwise, wait for at least one minute … wait for an exponentially increasing amount of
        // time between retries, and throw an error after a specific number of retries."
        backoff: { delaysS: [60, 120, 240] },
        maxAttempts: 4,
        action:
          'A secondary rate limit (too many concurrent requests, or too many points or content creations a minute); slow down, as continuing may get the integration banned.',
      },
      doc: RATE_LIMITS,
    },
    {
      id: 'primary',
      when: { status: [403, 429], rateLimitExhausted: true },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        action:
          'The primary rate limit for the hour is used up, although the status says {status}; send nothing before x-ratelimit-reset.',
      },
      doc: RATE_LIMITS,
    },
    {
      id: '404',
      when: { status: [404] },
      then: {
        action:
          "GitHub answers 404 rather than 403 for a private resource the token cannot see: check the token's scopes or permissions, expiry and the URL.",
      },
      doc: trouble('404-not-found-for-an-existing-resource', '404 Not Found for an existing resource'),
    },
    {
      id: '403-not-accessible',
      when: { status: [403], message: 'resource not accessible by' },
      then: {
        action:
          'The app or fine-grained token lacks a permission this endpoint needs (see the X-Accepted-GitHub-Permissions header).',
      },
      doc: trouble('resource-not-accessible', 'Resource not accessible'),
    },
    {
      id: '422',
      when: { status: [422] },
      then: { action: 'Validation failed ({code}): fix the parameter the errors list names.' },
      doc: trouble('validation-failed', 'Validation Failed'),
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: {
        action:
          'GitHub ends requests that take over 10 seconds with a server error; simplify the request (fewer items a page) or try later.',
      },
      doc: trouble('timeouts', 'Timeouts'),
    },
  ],
});
