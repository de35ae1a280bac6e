// RFC 9110 §9.2.2: these methods are idempotent by definition, so a repeat cannot do harm.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Whether HTTP defines the method as idempotent (the generic baseline's notion of "safe to repeat"). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}
