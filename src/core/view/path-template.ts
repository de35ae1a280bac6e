const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^\d+$/;
const HEX_ID = /^[0-9a-f]{12,}$/i;
/** Prefixed ids such as Persona's `inq_VqZ7…` or Stripe-style `cus_…`. */
const PREFIXED_ID = /^[a-z]{2,8}_[A-Za-z0-9]{8,}$/;
const OPAQUE = /^[A-Za-z0-9_\-.~=%+]{24,}$/;
/** Shorter slugs that mix letters and digits (`a1b2c3d4e5`) but not versions like `v1beta2`. */
const MIXED = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_-]{10,}$/;

/**
 * The path with every per-resource segment replaced by `:id`, so `/v1/inquiries/inq_123…` and
 * `/v1/inquiries/inq_456…` count as the same failing endpoint when grouping identical failures.
 */
export function pathTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? ':id' : segment))
    .join('/');
}

function isIdSegment(segment: string): boolean {
  return (
    NUMBER.test(segment) ||
    UUID.test(segment) ||
    (HEX_ID.test(segment) && /\d/.test(segment)) ||
    PREFIXED_ID.test(segment) ||
    OPAQUE.test(segment) ||
    MIXED.test(segment)
  );
}
