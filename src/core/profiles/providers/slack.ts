import { defineProvider } from '../provider.ts';

const docUrl = 'https://docs.slack.dev/apis/web-api/';
const methodErrors = { url: 'https://docs.slack.dev/reference/methods/chat.postMessage', section: 'Errors' };
const failing = (
  id: string,
  codes: string[],
  category: 'unauthorized' | 'forbidden' | 'not_found' | 'bad_request',
  action: string,
) => ({
  id,
  when: { status: ['2xx' as const], code: codes },
  then: { category, retry: 'no' as const, action },
  doc: methodErrors,
});

/**
 * Slack's Web API: failures come back as HTTP 200 with `{"ok": false, "error": "…"}`, rate limits
 * as 429 with Retry-After (docs.slack.dev "Web API" and "Rate limits").
 */
export const slack = defineProvider({
  formatVersion: 1,
  id: 'slack',
  name: 'Slack',
  docUrl,
  recognize: {
    hosts: ['slack.com', '*.slack.com'],
    signatures: [{ responseHeaders: ['x-slack-req-id'] }],
  },
  fields: { code: ['error'], requestId: ['header:x-slack-req-id'] },
  failureWhen: [{ equals: { ok: false } }],
  idempotency: {
    advice:
      'Slack documents no idempotency key for Web API calls: before repeating one that posts or changes something, check whether it already happened.',
  },
  rules: [
    {
      id: '429',
      when: { status: [429] },
      then: {
        retry: 'yes',
        idempotencyKey: 'none',
        action: 'Each Web API method has its own per-workspace rate tier; pace calls to this method.',
      },
      doc: {
        url: 'https://docs.slack.dev/apis/web-api/rate-limits',
        section: 'Responding to rate limiting conditions',
      },
    },
    failing(
      'auth',
      ['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'],
      'unauthorized',
      'The token is missing, invalid, revoked or expired.',
    ),
    failing(
      'scope',
      ['missing_scope', 'not_allowed_token_type', 'no_permission', 'not_in_channel', 'restricted_action'],
      'forbidden',
      'The token or app lacks a scope or membership this method needs (for a channel: invite the app first).',
    ),
    failing(
      'not-found',
      ['channel_not_found', 'user_not_found', 'message_not_found', 'file_not_found'],
      'not_found',
      'The channel, user or message it names does not exist or is not visible to this token.',
    ),
    failing(
      'arguments',
      [
        'invalid_arguments',
        'invalid_arg_name',
        'invalid_array_arg',
        'invalid_charset',
        'invalid_form_data',
        'invalid_post_type',
        'missing_post_type',
        'msg_too_long',
        'no_text',
        'too_many_attachments',
        'invalid_blocks',
      ],
      'bad_request',
      'Slack refused the arguments; fix them as the error code says.',
    ),
    {
      id: 'server',
      when: {
        status: ['2xx'],
        code: ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'],
      },
      then: {
        category: 'server_error',
        retry: 'when-idempotent',
        idempotencyKey: 'none',
        action: 'Slack failed on its side; a message call may still have gone through.',
      },
      doc: methodErrors,
    },
    {
      // Some methods answer a burst with HTTP 200 and `ok: false` rather than a 429: chat.postMessage's
      // error table lists `rate_limited` ("Application has posted too many messages"); the older
      // spelling `ratelimited` is the one other methods' tables use. It is a rate limit all the same.
      id: 'rate-limited-ok-false',
      when: { status: ['2xx'], code: ['rate_limited', 'ratelimited'] },
      then: {
        category: 'rate_limited',
        retry: 'yes',
        idempotencyKey: 'none',
        action:
          'Slack is rate limiting this app for this method (chat.postMessage: about one message per second per channel); pace the calls.',
      },
      doc: methodErrors,
    },
    {
      id: 'ok-false',
      when: { status: ['2xx'] },
      then: {
        category: 'client_error',
        retry: 'no',
        action: 'Slack answered "ok": false with {code}; look it up in the method\'s error table.',
      },
      doc: { url: `${docUrl}#responses`, section: 'Evaluating responses' },
    },
  ],
});
