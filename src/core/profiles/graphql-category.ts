import type { Category } from '../diagnosis.ts';

// De-facto `extensions.code` values (Apollo Server's built-in codes, plus common throttling names).
const CODES: Readonly<Record<string, Category>> = {
  UNAUTHENTICATED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  BAD_USER_INPUT: 'bad_request',
  BAD_REQUEST: 'bad_request',
  GRAPHQL_PARSE_FAILED: 'bad_request',
  GRAPHQL_VALIDATION_FAILED: 'bad_request',
  PERSISTED_QUERY_NOT_FOUND: 'bad_request',
  RATE_LIMITED: 'rate_limited',
  THROTTLED: 'rate_limited',
  INTERNAL_SERVER_ERROR: 'server_error',
};

/** The category a GraphQL error code stands for; an unknown code is a client error. */
export function graphqlCategory(code: string | undefined): Category {
  return (code === undefined ? undefined : CODES[code.toUpperCase()]) ?? 'client_error';
}
