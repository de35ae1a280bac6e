// Identical failures grouped into one line: same method, path template, status and code.
import type { FailureRow } from './failure-row.ts';

/** Identical failures: same method, path template, status and error code (issue 6 "Scale"). */
export interface FailureGroup {
  /** Stable identity of the group (method, template, status and code joined). */
  key: string;
  method: string;
  /** The path with ids replaced by `:id`. */
  template: string;
  status: number;
  code?: string;
  count: number;
  firstMs: number;
  lastMs: number;
  /** Member exchange ids, in the order the rows were given. */
  ids: number[];
  /** The member rows, in the same order as `ids`. */
  members: FailureRow[];
  /** The most recent member: what a collapsed group row shows and selects. */
  latest: FailureRow;
}

/**
 * Groups rows in one pass. Groups come out in the order their first member appears, so grouping
 * already-sorted rows keeps the chosen sort.
 */
export function groupFailures(rows: readonly FailureRow[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const row of rows) {
    const template = templateOf(row);
    const key = [row.method, template, row.status, row.code ?? ''].join(' ');
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, newGroup(key, template, row));
      continue;
    }
    group.count += 1;
    group.ids.push(row.id);
    group.members.push(row);
    group.firstMs = Math.min(group.firstMs, row.startedMs);
    if (row.startedMs >= group.lastMs) {
      group.lastMs = row.startedMs;
      group.latest = row;
    }
  }
  return [...groups.values()];
}

// Rows are immutable, so a row's template is computed once; regrouping after a filter change then
// costs a map lookup per row instead of a dozen regular expressions.
const templates = new WeakMap<FailureRow, string>();

function templateOf(row: FailureRow): string {
  let template = templates.get(row);
  if (template === undefined) {
    template = pathTemplate(row.path);
    templates.set(row, template);
  }
  return template;
}

function newGroup(key: string, template: string, row: FailureRow): FailureGroup {
  const group: FailureGroup = {
    key,
    method: row.method,
    template,
    status: row.status,
    count: 1,
    firstMs: row.startedMs,
    lastMs: row.startedMs,
    ids: [row.id],
    members: [row],
    latest: row,
  };
  if (row.code !== undefined) group.code = row.code;
  return group;
}

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
