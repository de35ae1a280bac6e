import { defineProvider } from '../provider.ts';

const docUrl = 'https://google.aip.dev/193';
const DRIVE = 'https://developers.google.com/workspace/drive/api/guides/handle-errors';
const CODE = 'https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto';
const REASON = 'https://github.com/googleapis/googleapis/blob/master/google/api/error_reason.proto';
const code = (name: string) => ({ url: CODE, section: `Code.${name}`, title: 'google.rpc.Code' });
const reason = (name: string) => ({
  url: REASON,
  section: `ErrorReason.${name}`,
  title: 'google.api.ErrorReason',
});

/**
 * Google APIs: the google.rpc error model (AIP-193: `status`, ErrorInfo, RetryInfo, QuotaFailure)
 * and the older JSON API format whose `errors[].reason` names rate limits and daily quotas.
 */
export const google = defineProvider({
  formatVersion: 1,
  id: 'google',
  name: 'Google APIs',
  docUrl,
  recognize: { hosts: ['*.googleapis.com'] },
  rules: [
    {
      id: 'rate-limit-exceeded',
      when: { type: ['RATE_LIMIT_EXCEEDED'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        action:
          'A rate-based quota was exceeded; it clears by itself, so pacing requests works where a bigger quota is not needed.',
      },
      doc: reason('RATE_LIMIT_EXCEEDED'),
    },
    {
      id: 'rate-limit-reason',
      when: { type: ['rateLimitExceeded', 'userRateLimitExceeded'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        action:
          'A per-minute quota was exceeded; it clears by itself, so pacing requests works where a bigger quota is not needed.',
      },
      doc: { url: `${DRIVE}#user-rate-limit`, section: 'Resolve a 403 error: User rate limit exceeded' },
    },
    {
      id: 'daily-limit',
      when: { type: ['dailyLimitExceeded'] },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action:
          'The daily quota is used up; raise it in the Google Cloud console or wait for the daily reset.',
      },
      doc: { url: `${DRIVE}#daily-limit`, section: 'Resolve a 403 error: Daily limit exceeded' },
    },
    {
      id: 'quota-with-retry-info',
      when: { code: ['RESOURCE_EXHAUSTED'], serverWait: true },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        action:
          'A quota is exhausted for now and RetryInfo says when it refills, so this quota clears with time.',
      },
      doc: {
        url: 'https://google.aip.dev/193#retryinfo',
        section: 'RetryInfo',
        title: 'Google AIP-193 Errors',
      },
    },
    {
      id: 'resource-quota',
      when: { type: ['RESOURCE_QUOTA_EXCEEDED'], serverWait: false },
      then: {
        category: 'quota_exceeded',
        retry: 'no',
        idempotencyKey: 'none',
        action:
          'A resource quota is used up; request more quota for the project, since waiting will not free it.',
      },
      doc: reason('RESOURCE_QUOTA_EXCEEDED'),
    },
    {
      id: 'service-disabled',
      when: { type: ['SERVICE_DISABLED', 'API_DISABLED'] },
      then: {
        category: 'forbidden',
        retry: 'no',
        action:
          'The API is not enabled for this Google Cloud project; enable it in the console, then resend.',
      },
      doc: reason('SERVICE_DISABLED'),
    },
    {
      id: 'api-key-invalid',
      when: { type: ['API_KEY_INVALID'] },
      then: {
        category: 'unauthorized',
        retry: 'no',
        action: 'The API key is not valid; check it in the Google Cloud console credentials page.',
      },
      doc: reason('API_KEY_INVALID'),
    },
    {
      id: 'aborted',
      when: { code: ['ABORTED'] },
      then: {
        category: 'conflict',
        retry: 'no',
        action:
          'A concurrency conflict aborted the operation; redo the whole read-modify-write sequence rather than resending this request.',
      },
      doc: code('ABORTED'),
    },
    {
      id: 'failed-precondition',
      when: { code: ['FAILED_PRECONDITION'] },
      then: {
        retry: 'no',
        action:
          'The system is not in the state this operation needs; fix that state first, as resending unchanged will fail again.',
      },
      doc: code('FAILED_PRECONDITION'),
    },
    {
      id: 'unavailable',
      when: { code: ['UNAVAILABLE'] },
      then: {
        category: 'service_unavailable',
        action:
          'The service is most likely down for a moment; retrying with backoff is the documented remedy.',
      },
      doc: code('UNAVAILABLE'),
    },
  ],
});
