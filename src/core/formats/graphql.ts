import { asRecord } from './json-value.ts';

/**
 * The `errors` array of a GraphQL response (GraphQL over HTTP, §7.1.2: each error has a `message`),
 * or undefined. Servers answer 200 with `errors[]` for failed operations, so this is what makes such
 * a response a failure.
 */
export function graphqlErrors(value: unknown): Record<string, unknown>[] | undefined {
  const errors = asRecord(value)?.['errors'];
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = asRecord(errors[0]);
  if (first === undefined || typeof first['message'] !== 'string') return undefined;
  return errors.map((error) => asRecord(error) ?? {});
}

// GraphQL over HTTP §7.1.2 recommends `errors` first when present, so a response too large to
// parse (or cut short) still shows it at the very start.
const ERRORS_FIRST = /^\s*\{\s*"errors"\s*:\s*\[\s*\{/;

/** Whether unparsed GraphQL response text opens with a non-empty `errors` array. */
export function startsWithGraphqlErrors(text: string): boolean {
  return ERRORS_FIRST.test(text.slice(0, 1024));
}
