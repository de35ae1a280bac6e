import type { DemoScenario } from '../demo-scenario.ts';
import type { FakeSecrets } from '../fake-secrets.ts';
import { jsonReply } from '../json-reply.ts';

/** A fixed instant so the demo's request ids and timestamps read the same on every run. */
const TIMESTAMP = '2026-11-22T04:05:06Z';

/**
 * The error-envelope API's documented errors: `{error: {code, message, details, request_id,
 * timestamp}}` with one code per status (error-envelope.txt › "Error Code Categories").
 * The 422 echoes what the user typed, as validation messages meant for end users do
 * (error-envelope.txt › "Circuit Breaker Pattern", last paragraph), so it is the response that
 * carries the planted fake secrets and personal data the ticket must not leak.
 */
export function errorEnvelopeScenarios(secrets: FakeSecrets): DemoScenario[] {
  const auth = { Authorization: `Bearer ${secrets.jwt}` };
  const envelope = (status: number, code: string, message: string, details: object) => {
    const requestId = `req_demo${status}`;
    // The 429 says how long to wait, as the retry guidance expects (error-envelope.txt › "Retry Guidelines").
    const wait = status === 429 ? { 'Retry-After': '2' } : {};
    return jsonReply(
      status,
      { error: { code, message, details, request_id: requestId, timestamp: TIMESTAMP } },
      { 'X-Request-Id': requestId, ...wait },
    );
  };
  const hasBody = (method: DemoScenario['method']) => method === 'POST' || method === 'PUT';
  const send = (
    id: string,
    status: number,
    method: DemoScenario['method'],
    path: string,
    code: string,
    message: string,
    details: object = {},
  ): DemoScenario => ({
    id,
    label: `${status} ${code}`,
    host: 'error-envelope',
    method,
    path,
    requestHeaders: hasBody(method) ? { ...auth, 'Content-Type': 'application/json' } : auth,
    ...(hasBody(method) ? { requestBody: JSON.stringify({ sku: 'demo-sku-1', quantity: 1 }) } : {}),
    reply: envelope(status, code, message, details),
  });
  return [
    {
      id: 'envelope-ok',
      label: '201 order created',
      host: 'error-envelope',
      method: 'POST',
      path: '/v1/orders',
      requestHeaders: { ...auth, 'Content-Type': 'application/json' },
      requestBody: JSON.stringify({ sku: 'demo-sku-1', quantity: 1 }),
      reply: jsonReply(201, { id: 'ord_Demo5', status: 'created' }),
    },
    send(
      'envelope-400',
      400,
      'POST',
      '/v1/orders/ord_Demo5/lines',
      'INVALID_REQUEST',
      'Malformed JSON in request body',
    ),
    send('envelope-401', 401, 'GET', '/v1/account', 'UNAUTHORIZED', 'Invalid or missing API key'),
    send(
      'envelope-404',
      404,
      'GET',
      '/v1/orders/ord_Missing',
      'NOT_FOUND',
      'Order ord_Missing does not exist',
    ),
    {
      ...send(
        'envelope-422',
        422,
        'POST',
        `/v1/customers/${secrets.email}/payment-methods`,
        'VALIDATION_ERROR',
        `Card ${secrets.cardNumber} was declined for ${secrets.email} (phone ${secrets.phone}); ` +
          `do not send keys like ${secrets.stripeKey} in the description`,
        {
          field: 'card_number',
          echoed_token: secrets.githubToken,
          aws_key_id: secrets.awsKeyId,
          iban: secrets.iban,
        },
      ),
      label: '422 VALIDATION_ERROR (echoes fake secrets and PII)',
    },
    send('envelope-429', 429, 'GET', '/v1/orders', 'RATE_LIMIT_EXCEEDED', 'Too many requests'),
    send('envelope-500', 500, 'POST', '/v1/payments', 'INTERNAL_ERROR', 'Server error'),
    send('envelope-502', 502, 'GET', '/v1/shipping/rates', 'BAD_GATEWAY', 'Upstream service error'),
    send(
      'envelope-503',
      503,
      'PUT',
      '/v1/orders/ord_Demo5',
      'SERVICE_UNAVAILABLE',
      'Temporary service outage',
    ),
    send('envelope-504', 504, 'DELETE', '/v1/orders/ord_Demo5', 'TIMEOUT', 'Request timeout'),
  ];
}
