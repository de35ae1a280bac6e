import type { DemoScenario } from '../demo-scenario.ts';
import type { FakeSecrets } from '../fake-secrets.ts';
import { jsonReply } from '../json-reply.ts';

/**
 * Ranex's documented errors: a single `{message}` field (ranex.txt › "Error handling"),
 * credentials in X-Api-Key / X-Api-Secret, 429 with Retry-After (ranex.txt › "Status codes"),
 * and POST /v1/applicants idempotent on externalUserId (ranex.txt › "Idempotency & retries").
 */
export function ranexScenarios(secrets: FakeSecrets): DemoScenario[] {
  const keys = { 'X-Api-Key': secrets.ranexApiKey, 'X-Api-Secret': secrets.ranexApiSecret };
  const post = { ...keys, 'Content-Type': 'application/json' };
  const applicant = JSON.stringify({ externalUserId: 'usr-7f3a2c', levelName: 'basic-kyc-level' });
  return [
    {
      id: 'ranex-ok',
      label: '200 applicant (already existed)',
      host: 'ranex',
      method: 'GET',
      path: '/v1/applicants/app_Demo7Qx',
      requestHeaders: keys,
      reply: jsonReply(200, { id: 'app_Demo7Qx', externalUserId: 'usr-7f3a2c', review: { status: 'init' } }),
    },
    {
      id: 'ranex-400',
      label: '400 externalUserId missing',
      host: 'ranex',
      method: 'POST',
      path: '/v1/applicants/batch',
      requestHeaders: post,
      requestBody: JSON.stringify({ levelName: 'basic-kyc-level' }),
      reply: jsonReply(400, { message: 'externalUserId is required' }),
    },
    {
      id: 'ranex-401',
      label: '401 key pair not active',
      host: 'ranex',
      method: 'GET',
      path: '/v1/levels',
      requestHeaders: keys,
      reply: jsonReply(401, { message: 'X-Api-Key / X-Api-Secret do not match an active key pair' }),
    },
    {
      id: 'ranex-404',
      label: '404 applicant not found',
      host: 'ranex',
      method: 'GET',
      path: '/v1/applicants/-;externalUserId=usr-0000/one',
      requestHeaders: keys,
      reply: jsonReply(404, { message: 'Applicant not found' }),
    },
    {
      id: 'ranex-429',
      label: '429 auth rate limit (Retry-After 45)',
      host: 'ranex',
      method: 'POST',
      path: '/v1/auth/token',
      requestHeaders: post,
      requestBody: JSON.stringify({ ttlInSecs: 600 }),
      reply: jsonReply(429, { message: 'Too many requests' }, { 'Retry-After': '45' }),
    },
    {
      id: 'ranex-500',
      label: '500 on POST /v1/applicants (idempotent)',
      host: 'ranex',
      method: 'POST',
      path: '/v1/applicants',
      requestHeaders: post,
      requestBody: applicant,
      reply: jsonReply(500, { message: 'Internal server error' }),
    },
    {
      id: 'ranex-503',
      label: '503 during a deploy',
      host: 'ranex',
      method: 'POST',
      path: '/v1/applicants/app_Demo7Qx/verify',
      requestHeaders: post,
      reply: jsonReply(503, { message: 'Service temporarily unavailable' }),
    },
  ];
}
