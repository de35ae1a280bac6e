import { asRecord } from './as-record.ts';

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
