import { hashText } from './hash-text.ts';

/** Above this length a signature is stored as a hash, so one key's memory stays small. */
const MAX_RAW_SIGNATURE = 1024;

/**
 * "The same request": method + full URL + body. Short signatures are used as map keys as they
 * are — hashing every exchange of a 60,000-entry HAR cost more than the whole classifier — and
 * long ones (large bodies) are hashed. The two can't collide: a raw signature always contains a
 * space, a base-36 hash never does.
 */
export function requestSignature(method: string, url: string, body: string | undefined): string {
  const text = body === undefined ? `${method} ${url}` : `${method} ${url}\n${body}`;
  return text.length <= MAX_RAW_SIGNATURE ? text : hashText(text);
}
