import type { DemoScenario } from '../demo-scenario.ts';
import type { FakeSecrets } from '../fake-secrets.ts';
import { jsonReply } from '../json-reply.ts';

/**
 * Persly's documented errors: `{error: {message, type, code, param}}` with the codes listed per
 * status in persly.txt › "Error Codes". The two 429s differ only by code, which is the point:
 * one is a plan quota, the other a dashboard limit, neither is cured by waiting a few seconds.
 */
export function perslyScenarios(secrets: FakeSecrets): DemoScenario[] {
  const headers = { Authorization: `Bearer ${secrets.perslyApiKey}`, 'Content-Type': 'application/json' };
  const chat = JSON.stringify({ model: 'persly-chat-v1', messages: [{ role: 'user', content: 'Hello' }] });
  const error = (message: string, type: string, code: string, param: string | null = null) => ({
    error: { message, type, code, param },
  });
  return [
    {
      id: 'persly-ok',
      label: '200 model info',
      host: 'persly',
      method: 'GET',
      path: '/v1/models/persly-chat-v1',
      requestHeaders: { Authorization: headers.Authorization },
      reply: jsonReply(200, { id: 'persly-chat-v1', object: 'model', owned_by: 'persly' }),
    },
    {
      id: 'persly-400',
      label: '400 model_not_found (param model)',
      host: 'persly',
      method: 'POST',
      path: '/v1/embeddings',
      requestHeaders: headers,
      requestBody: JSON.stringify({ model: 'persly-embed-v9', input: ['hello'] }),
      reply: jsonReply(
        400,
        error(
          'The model persly-embed-v9 does not exist',
          'invalid_request_error',
          'model_not_found',
          'model',
        ),
      ),
    },
    {
      id: 'persly-401',
      label: '401 authentication_error',
      host: 'persly',
      method: 'GET',
      path: '/v1/models',
      requestHeaders: { Authorization: headers.Authorization },
      reply: jsonReply(
        401,
        error('The API key is missing, invalid, or revoked', 'authentication_error', 'authentication_error'),
      ),
    },
    {
      id: 'persly-403',
      label: '403 organization_suspended',
      host: 'persly',
      method: 'POST',
      path: '/v1/rerank',
      requestHeaders: headers,
      requestBody: JSON.stringify({ model: 'persly-rerank-v1', query: 'q', documents: ['a', 'b'] }),
      reply: jsonReply(
        403,
        error('Your organization has been suspended', 'permission_error', 'organization_suspended'),
      ),
    },
    {
      id: 'persly-429-quota',
      label: '429 quota_exceeded',
      host: 'persly',
      method: 'POST',
      path: '/v1/chat/completions',
      requestHeaders: headers,
      requestBody: chat,
      reply: jsonReply(429, error('Free tier credits are exhausted', 'insufficient_quota', 'quota_exceeded')),
    },
    {
      id: 'persly-429-spending',
      label: '429 spending_limit_exceeded',
      host: 'persly',
      method: 'POST',
      path: '/v1/completions',
      requestHeaders: headers,
      requestBody: JSON.stringify({ model: 'persly-chat-v1', prompt: 'Hello' }),
      reply: jsonReply(
        429,
        error('Monthly spending limit reached', 'rate_limit_error', 'spending_limit_exceeded'),
      ),
    },
    {
      id: 'persly-500',
      label: '500 internal_error',
      host: 'persly',
      method: 'POST',
      path: '/v1/chat/completions/stream',
      requestHeaders: headers,
      requestBody: chat,
      reply: jsonReply(
        500,
        error('An unexpected error occurred on our servers', 'server_error', 'internal_error'),
      ),
    },
  ];
}
