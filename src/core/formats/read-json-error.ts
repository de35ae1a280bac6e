import type { ErrorBody } from '../diagnosis.ts';
import { readErrorEnvelope } from './read-error-envelope.ts';
import { readErrorObject } from './read-error-object.ts';
import { readGoogleError } from './read-google-error.ts';
import { readGraphqlErrors } from './read-graphql-errors.ts';
import { readJsonApiErrors } from './read-json-api-errors.ts';
import { readMessageBody } from './read-message-body.ts';
import { readOauthError } from './read-oauth-error.ts';
import { readPersonaErrors } from './read-persona-errors.ts';
import { readProblemJson } from './read-problem-json.ts';

// Most specific shape first: Google's and the envelope's `error` objects are special cases of the
// generic `{error:{…}}`; Persona's `errors[{title,details}]` and GraphQL's `errors[{message}]` would
// otherwise pass for JSON:API; a bare `{message}` is the last resort.
const READERS: readonly ((json: unknown) => ErrorBody | undefined)[] = [
  readGoogleError,
  readErrorEnvelope,
  readErrorObject,
  readOauthError,
  readPersonaErrors,
  readGraphqlErrors,
  readJsonApiErrors,
  (json) => readProblemJson(json, ''),
  readMessageBody,
];

/** The error in a parsed JSON body, in the first format that recognises it. */
export function readJsonError(json: unknown, mimeType: string): ErrorBody | undefined {
  // A declared problem+json media type outranks any shape guess (RFC 9457 §3).
  if (/problem\+json/i.test(mimeType)) return readProblemJson(json, mimeType);
  for (const read of READERS) {
    const error = read(json);
    if (error !== undefined) return error;
  }
  return undefined;
}
