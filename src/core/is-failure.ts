import type { ClassifyOptions } from './classify.ts';
import type { Exchange } from './exchange.ts';
import {
  eventStreamError,
  graphqlErrors,
  isEventStream,
  isGraphqlRequest,
  parseJsonBody,
  startsWithGraphqlErrors,
} from './formats/index.ts';
import { registryFor } from './profiles/index.ts';

/**
 * Whether an exchange is a failed API call (DESIGN.md "CLI contract"): an HTTP error status, no
 * response at all, a 2xx GraphQL response carrying `errors[]`, a 2xx event stream carrying an error
 * event, or a 2xx body its provider's profile declares a failure (Slack's `"ok": false`). The
 * provider is the one the user's host mapping names first, as classification recognises it.
 */
export function isFailure(
  exchange: Exchange,
  options: Pick<ClassifyOptions, 'profiles' | 'hostMap'> = {},
): boolean {
  if (exchange.status === 0 || exchange.status >= 400) return true;
  if (exchange.status < 200 || exchange.status >= 300) return false;
  const body = exchange.responseBody;
  if (body === undefined) return false;
  if (isEventStream(exchange.mimeType, body)) return eventStreamError(body) !== undefined;
  // Cheap gates first: most successful responses mention neither "errors" nor a provider's own
  // failure field, and triage runs this on every entry of a HAR file.
  const provider = registryFor(options.profiles).failingIn2xxFor(exchange, options.hostMap);
  const graphql = body.includes('"errors"');
  const json = graphql || provider !== undefined ? parseJsonBody(body) : undefined;
  if (graphql && (json === undefined ? startsWithGraphqlErrors(body) : graphqlErrors(json) !== undefined))
    return true;
  return json !== undefined && provider !== undefined && provider.failsIn2xx(json);
}

/** Media types a JSON document (GraphQL's, a provider's `"ok": false`) is served under. */
const JSON_MEDIA = /json|graphql/i;

/**
 * Whether a 2xx response could still be a failure, judged from what is known before its body is
 * read (live capture asks this to decide whether to read the body at all: reading every 2xx JSON
 * body was ~40 % of the panel's garbage-collection sweep under load, issue 11). It is the body half
 * of `isFailure` turned into a question about the request, one line per way a 2xx can fail:
 * - an event stream, by media type (its error event comes mid-stream);
 * - a provider whose profile declares 2xx failures, by host (the registry's `failingIn2xxFor`);
 * - a GraphQL call, by the request's shape (`isGraphqlRequest`), served as JSON.
 * `isFailure` keeps judging GraphQL `errors[]` by the body alone, so a HAR file (which has every
 * body) still counts a GraphQL error whose request looks like REST; the unit tests check that every
 * 2xx failure of the HAR fixtures passes this gate too.
 */
export function failureCanHideIn2xx(
  exchange: Exchange,
  options: Pick<ClassifyOptions, 'profiles' | 'hostMap'> = {},
): boolean {
  if (exchange.status < 200 || exchange.status >= 300) return false;
  if (isEventStream(exchange.mimeType, undefined)) return true;
  if (!JSON_MEDIA.test(exchange.mimeType)) return false;
  return (
    registryFor(options.profiles).failingIn2xxFor(exchange, options.hostMap) !== undefined ||
    isGraphqlRequest(exchange)
  );
}
