import type { DemoScenario } from '../demo-scenario.ts';
import { jsonReply } from '../json-reply.ts';

/**
 * PRIVO's documented split (privo.txt › "Content Errors" and "Server Errors"): 4xx means correct
 * the request; 5xx is indeterminate, safe to retry only for GET/DELETE or when the request carries
 * an identifier PRIVO deduplicates on (privo.txt › "Network Errors"). The doc gives no body
 * format, so these bodies are a plain OAuth-style error object.
 */
export function privoScenarios(): DemoScenario[] {
  const headers = { Authorization: 'Bearer demo-privo-access-token', 'Content-Type': 'application/json' };
  return [
    {
      id: 'privo-400',
      label: '400 invalid registration',
      host: 'privo',
      method: 'POST',
      path: '/api/v1/account/register',
      requestHeaders: headers,
      requestBody: JSON.stringify({ role: 'child', birthDate: 'not-a-date' }),
      reply: jsonReply(400, { error: 'invalid_request', error_description: 'birthDate must be YYYY-MM-DD' }),
    },
    {
      id: 'privo-404',
      label: '404 unknown account',
      host: 'privo',
      method: 'GET',
      path: '/api/v1/account/sid_Demo404',
      requestHeaders: headers,
      reply: jsonReply(404, { error: 'not_found', error_description: 'No account with this service id' }),
    },
    {
      id: 'privo-500',
      label: '500 on POST (indeterminate)',
      host: 'privo',
      method: 'POST',
      path: '/api/v1/consent/request',
      requestHeaders: headers,
      requestBody: JSON.stringify({ principal: 'sid_Demo1', granter: 'sid_Demo2' }),
      reply: jsonReply(500, { error: 'server_error', error_description: 'Unexpected error' }),
    },
    {
      id: 'privo-503',
      label: '503 on GET (safe to retry)',
      host: 'privo',
      method: 'GET',
      path: '/api/v1/account/sid_Demo1/consents',
      requestHeaders: headers,
      reply: jsonReply(503, { error: 'temporarily_unavailable', error_description: 'Try again shortly' }),
    },
  ];
}
