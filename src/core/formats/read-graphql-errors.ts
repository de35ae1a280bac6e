import type { ErrorBody } from '../diagnosis.ts';
import { asRecord } from './as-record.ts';
import { asText } from './as-text.ts';
import { boundedCopy } from './bounded-copy.ts';
import { compactErrorBody } from './compact-error-body.ts';
import { graphqlErrors } from './graphql-errors.ts';

/** A GraphQL error `path` (`["user", 0, "email"]`) as `user.0.email`. */
function pathOf(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  return asText(
    value
      .slice(0, 20)
      .filter((part) => typeof part !== 'object')
      .join('.'),
  );
}

/**
 * GraphQL `errors[]` (GraphQL spec §7.1.2, also inside 200 responses); the code is the de-facto
 * `extensions.code` (Apollo, graphql-java's `classification`).
 */
export function readGraphqlErrors(json: unknown): ErrorBody | undefined {
  const errors = graphqlErrors(json);
  const first = errors?.[0];
  if (errors === undefined || first === undefined) return undefined;
  const extensions = asRecord(first['extensions']);
  return compactErrorBody({
    format: 'graphql',
    code: asText(extensions?.['code']) ?? asText(extensions?.['classification']),
    message: asText(first['message']),
    param: pathOf(first['path']),
    requestId: asText(extensions?.['requestId']) ?? asText(extensions?.['request_id']),
    details: errors.length > 1 ? boundedCopy(errors) : undefined,
  });
}
