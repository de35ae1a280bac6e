import type { Exchange } from './exchange.ts';
import { graphqlErrors, startsWithGraphqlErrors } from './formats/graphql-errors.ts';
import { parseJsonBody } from './formats/parse-json-body.ts';

function hasGraphqlErrors(exchange: Exchange): boolean {
  const body = exchange.responseBody;
  // Cheap gate first: most successful responses never mention "errors", and triage runs this on
  // every entry of a HAR file.
  if (body === undefined || !body.includes('"errors"')) return false;
  const json = parseJsonBody(body);
  if (json === undefined) return startsWithGraphqlErrors(body);
  return graphqlErrors(json) !== undefined;
}

/**
 * Whether an exchange is a failed API call (DESIGN.md "CLI contract"): an HTTP error status, no
 * response at all, or a 2xx GraphQL response carrying `errors[]`.
 */
export function isFailure(exchange: Exchange): boolean {
  if (exchange.status === 0 || exchange.status >= 400) return true;
  if (exchange.status < 200 || exchange.status >= 300) return false;
  return hasGraphqlErrors(exchange);
}
