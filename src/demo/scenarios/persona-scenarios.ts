import type { DemoScenario } from '../demo-scenario.ts';
import type { FakeSecrets } from '../fake-secrets.ts';
import { jsonReply } from '../json-reply.ts';

/**
 * Persona's documented errors: every error body is `errors[{title, details}]`
 * (persona.txt › "Error codes"); 429 comes with the RateLimit headers the doc asks clients to
 * watch (persona.txt › "429 Too Many Requests").
 */
export function personaScenarios(secrets: FakeSecrets): DemoScenario[] {
  const auth = { Authorization: `Bearer ${secrets.personaApiKey}`, 'Persona-Version': '2023-01-05' };
  const post = (key: string) => ({ ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key });
  const errors = (title: string, details: string) => ({ errors: [{ title, details }] });
  const inquiry = JSON.stringify({ data: { attributes: { 'inquiry-template-id': 'itmpl_Demo1' } } });
  return [
    {
      id: 'persona-ok',
      label: '200 inquiry (rate-limit headroom 10%)',
      host: 'persona',
      method: 'GET',
      path: '/api/v1/inquiries/inq_Demo2xYz',
      requestHeaders: auth,
      reply: jsonReply(
        200,
        { data: { type: 'inquiry', id: 'inq_Demo2xYz', attributes: { status: 'pending' } } },
        { 'RateLimit-Limit': '300', 'RateLimit-Remaining': '30', 'RateLimit-Reset': '42' },
      ),
    },
    {
      id: 'persona-400',
      label: '400 missing attribute',
      host: 'persona',
      method: 'POST',
      path: '/api/v1/accounts',
      requestHeaders: post('demo-key-400'),
      requestBody: JSON.stringify({ data: { attributes: {} } }),
      reply: jsonReply(400, errors('Bad Request', 'data.attributes.reference-id is missing')),
    },
    {
      id: 'persona-401',
      label: '401 invalid API key',
      host: 'persona',
      method: 'GET',
      path: '/api/v1/reports',
      requestHeaders: auth,
      reply: jsonReply(401, errors('Unauthorized', 'An invalid API key was provided')),
    },
    {
      id: 'persona-409',
      label: '409 duplicate reference id',
      host: 'persona',
      method: 'POST',
      path: '/api/v1/accounts/import',
      requestHeaders: post('demo-key-409'),
      requestBody: JSON.stringify({ data: { attributes: { 'reference-id': 'usr-7f3a2c' } } }),
      reply: jsonReply(409, errors('Conflict', 'An account with reference-id usr-7f3a2c already exists')),
    },
    {
      id: 'persona-422',
      label: '422 resume in wrong state',
      host: 'persona',
      method: 'POST',
      path: '/api/v1/inquiries/inq_Demo2xYz/resume',
      requestHeaders: post('demo-key-422'),
      reply: jsonReply(
        422,
        errors('Unprocessable Entity', 'Inquiry must be pending or expired to be resumed'),
      ),
    },
    {
      id: 'persona-429',
      label: '429 rate limited (Retry-After 30)',
      host: 'persona',
      method: 'POST',
      path: '/api/v1/inquiries',
      requestHeaders: post('demo-key-429'),
      requestBody: inquiry,
      reply: jsonReply(429, errors('Too Many Requests', 'Your organization has exceeded its rate limit'), {
        'RateLimit-Limit': '300',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': '30',
        'Retry-After': '30',
      }),
    },
    {
      id: 'persona-500',
      label: '500 server error',
      host: 'persona',
      method: 'GET',
      path: '/api/v1/verifications/ver_Demo3AbC',
      requestHeaders: auth,
      reply: jsonReply(500, errors('Internal Server Error', 'Something went wrong on our end')),
    },
    {
      id: 'persona-network',
      label: 'network error (connection dropped)',
      host: 'persona',
      method: 'POST',
      path: '/api/v1/transactions',
      requestHeaders: post('demo-key-net'),
      requestBody: JSON.stringify({ data: { attributes: { 'reference-id': 'usr-7f3a2c' } } }),
      reply: { kind: 'destroy-socket' },
    },
  ];
}
