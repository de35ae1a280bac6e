import type { Category } from '../diagnosis.ts';

const BY_STATUS: Readonly<Record<number, Category>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** The category an HTTP status stands for (DESIGN.md "Generic baseline"); 0 is no response. */
export function statusCategory(status: number): Category {
  if (status === 0) return 'network_error';
  return BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'client_error');
}
