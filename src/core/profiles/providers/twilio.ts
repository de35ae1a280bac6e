import { defineProvider } from '../provider.ts';

const docUrl = 'https://www.twilio.com/docs/usage/twilios-response';
const error = (code: number, section: string) => ({
  url: `https://www.twilio.com/docs/api/errors/${code}`,
  section,
});

/** Twilio's REST API (Twilio's response format, its error dictionary, twilio-node's auto-retry). */
export const twilio = defineProvider({
  formatVersion: 1,
  id: 'twilio',
  name: 'Twilio',
  docUrl,
  recognize: {
    hosts: ['api.twilio.com', '*.twilio.com'],
    signatures: [{ responseHeaders: ['twilio-request-id'] }],
  },
  fields: { requestId: ['header:twilio-request-id'], docUrl: ['more_info'] },
  idempotency: {
    advice:
      'Twilio documents no idempotency key for REST requests: look the message or call up before creating it again.',
  },
  // twilio-node's opt-in auto-retry on 429: full jitter over 0.2 s doubling, at most 3 s, 3 retries
  // (https://github.com/twilio/twilio-node#enable-auto-retry-with-exponential-backoff).
  backoff: { initialS: 0.2, factor: 2, count: 3, capS: 3, jitter: true },
  rules: [
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        idempotencyKey: 'none',
        action:
          'Too many concurrent requests from the account; a refused request was never processed, so sending it again is safe.',
      },
      doc: error(20429, '20429: Too many requests'),
    },
    {
      id: 'not-found',
      when: { code: ['20404'] },
      then: {
        category: 'not_found',
        retry: 'no',
        action:
          'The resource does not exist under this account; check the SID in the URL and the account it belongs to.',
      },
      doc: error(20404, '20404: Not Found'),
    },
    {
      id: 'invalid-to',
      when: { code: ['21211'] },
      then: {
        category: 'bad_request',
        retry: 'no',
        action: "The 'To' number is not a valid phone number; correct it (E.164 format) before sending.",
      },
      doc: error(21211, "21211: Invalid 'To' Phone Number"),
    },
    {
      id: 'unsubscribed',
      when: { code: ['21610'] },
      then: {
        category: 'client_error',
        retry: 'no',
        action: 'The recipient opted out (replied STOP); nothing reaches this number until they opt back in.',
      },
      doc: error(21610, '21610: Attempt to send to unsubscribed recipient'),
    },
    {
      id: '5xx',
      when: { status: ['5xx'] },
      then: { condition: 'a second message or call is harmless (check whether the first one was created)' },
      doc: { url: docUrl, section: 'Twilio response' },
    },
  ],
});
