import type { FailureRow } from './failure-row.ts';
import { pathTemplate } from './path-template.ts';

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
