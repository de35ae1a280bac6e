import type { ClassifyOptions } from './classify.ts';
import type { Exchange } from './exchange.ts';
import {
  eventStreamError,
  graphqlErrors,
  isEventStream,
  parseJsonBody,
  startsWithGraphqlErrors,
} from './formats/index.ts';
import { registryFor } from './profiles/index.ts';

/**
 * Whether an exchange is a failed API call (DESIGN.md "CLI contract"): an HTTP error status, no
 * response at all, a 2xx GraphQL response carrying `errors[]`, a 2xx event stream carrying an error
 * event, or a 2xx body its provider's profile declares a failure (Slack's `"ok": false`).
 */
export function isFailure(exchange: Exchange, options: Pick<ClassifyOptions, 'profiles'> = {}): boolean {
  if (exchange.status === 0 || exchange.status >= 400) return true;
  if (exchange.status < 200 || exchange.status >= 300) return false;
  const body = exchange.responseBody;
  if (body === undefined) return false;
  if (isEventStream(exchange.mimeType, body)) return eventStreamError(body) !== undefined;
  // Cheap gates first: most successful responses mention neither "errors" nor a provider's own
  // failure field, and triage runs this on every entry of a HAR file.
  const provider = registryFor(options.profiles).failingIn2xxFor(exchange);
  const graphql = body.includes('"errors"');
  const json = graphql || provider !== undefined ? parseJsonBody(body) : undefined;
  if (graphql && (json === undefined ? startsWithGraphqlErrors(body) : graphqlErrors(json) !== undefined))
    return true;
  return json !== undefined && provider !== undefined && provider.failsIn2xx(json);
}
