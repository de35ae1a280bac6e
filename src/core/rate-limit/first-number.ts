/**
 * The leading non-negative number of a header value: `100` from `100`, `100, 100;w=60` (the
 * quota-policy syntax of draft-ietf-httpapi-ratelimit-headers-03) or `59.5`. Undefined otherwise.
 */
export function firstNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
