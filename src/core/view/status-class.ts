/**
 * The Network panel's coarse status buckets. `other` holds failures that arrived with a
 * non-error status, i.e. GraphQL `errors[]` inside a 2xx body (DESIGN.md "CLI contract").
 */
export const STATUS_CLASSES = ['4xx', '5xx', 'network', 'other'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export function statusClass(status: number): StatusClass {
  if (status === 0) return 'network';
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  return 'other';
}
