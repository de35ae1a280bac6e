import type { Category } from '../diagnosis.ts';

/** Generic advice per category, one sentence each, in our own words. */
export const GENERIC_ACTIONS: Readonly<Record<Category, string>> = {
  bad_request: 'Fix the request the server rejected as malformed before sending it again.',
  unauthorized: 'Check the credentials: the key or token is missing, wrong, expired or revoked.',
  forbidden: 'The credentials are valid but lack permission for this call; change access, not timing.',
  not_found: 'Check the URL and the identifier in it; the resource may not exist yet or any more.',
  conflict: 'Reload the resource and reconcile with its current state before trying again.',
  unprocessable: 'Correct the values the server rejected; the request was well-formed but not acceptable.',
  rate_limited: 'Slow down: wait for the server-given delay, then send the request again.',
  quota_exceeded: 'A quota or billing limit is exhausted; raise the plan or limit, as waiting will not help.',
  client_error: 'The server refused the request as sent; change it before sending it again.',
  server_error: 'The server failed; retry after a pause if the operation is safe to repeat.',
  bad_gateway:
    'An upstream behind the gateway failed; retry after a pause if the operation is safe to repeat.',
  service_unavailable:
    'The service is temporarily unavailable; retry after a pause if the operation is safe to repeat.',
  gateway_timeout: 'The gateway timed out waiting; retry after a pause if the operation is safe to repeat.',
  network_error:
    'No response arrived, so the outcome is unknown; retry only if the operation is safe to repeat.',
};
