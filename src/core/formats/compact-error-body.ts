import type { ErrorBody } from '../diagnosis.ts';

type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** An ErrorBody without the fields a format did not find (exactOptionalPropertyTypes forbids `undefined`). */
export function compactErrorBody(fields: Loose<ErrorBody> & { format: string }): ErrorBody {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body[key] = value;
  return body as unknown as ErrorBody;
}
