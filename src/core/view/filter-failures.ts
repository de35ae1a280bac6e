import type { FailureFilter } from './failure-filter.ts';
import type { FailureRow } from './failure-row.ts';
import { parseFilterText, type FilterKey, type FilterTerm, type FilterToken } from './parse-filter-text.ts';
import { statusClass } from './status-class.ts';

/**
 * The rows the filter lets through, in their input order. Across fields and tokens of different
 * keys the conditions combine with AND; several positive tokens with the same key are
 * alternatives (`status:429 status:503`), and each negated token or term excludes on its own.
 * The text is parsed once per call, so filtering 10,000 rows is one linear pass.
 */
export function filterFailures(rows: readonly FailureRow[], filter: FailureFilter): FailureRow[] {
  const { tokens, terms } = parseFilterText(filter.text);
  if (tokens.length + terms.length === 0 && isUnrestricted(filter)) return [...rows];
  const positive = [...groupPositive(tokens).values()];
  const negative = tokens.filter((t) => t.negate);
  const hosts = new Set(filter.hosts.map((h) => h.toLowerCase()));
  return rows.filter(
    (row) =>
      allows(filter.providers, row.provider) &&
      allows(filter.categories, row.category) &&
      allows(filter.retry, row.retry) &&
      allows(filter.statusClasses, statusClass(row.status)) &&
      (hosts.size === 0 || hosts.has(row.host)) &&
      positive.every((values) => values.some((t) => tokenMatches(row, t))) &&
      negative.every((t) => !tokenMatches(row, t)) &&
      terms.every((term) => termMatches(row, term) !== term.negate),
  );
}

function isUnrestricted(f: FailureFilter): boolean {
  return (
    f.providers.length + f.categories.length + f.retry.length + f.statusClasses.length + f.hosts.length === 0
  );
}

function allows<T>(chosen: readonly T[], value: T): boolean {
  return chosen.length === 0 || chosen.includes(value);
}

function groupPositive(tokens: readonly FilterToken[]): Map<FilterKey, FilterToken[]> {
  const byKey = new Map<FilterKey, FilterToken[]>();
  for (const t of tokens) {
    if (t.negate) continue;
    byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
  }
  return byKey;
}

function tokenMatches(row: FailureRow, { key, value }: FilterToken): boolean {
  switch (key) {
    case 'status':
      return statusMatches(row.status, value);
    case 'provider':
      return row.provider.startsWith(value);
    case 'category':
      return row.category.startsWith(value);
    case 'retry':
      return row.retry.startsWith(value);
    case 'method':
      return row.method.toLowerCase() === value;
    case 'host':
      return hostMatches(row.host, value);
    case 'code':
      return (row.code ?? '').toLowerCase() === value;
    case 'path':
      return row.path.toLowerCase().includes(value);
  }
}

/** `429`, a class written `4xx`/`5xx`, or `network`/`0` for no response. */
function statusMatches(status: number, value: string): boolean {
  if (value === 'network') return status === 0;
  const cls = /^([1-5])xx$/.exec(value);
  if (cls) return Math.floor(status / 100) === Number(cls[1]);
  return String(status) === value;
}

/** Substring, or a `*` wildcard pattern like the Network panel's `domain:*.example.com`. */
function hostMatches(host: string, value: string): boolean {
  if (!value.includes('*')) return host.includes(value);
  const pattern = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${pattern}$`).test(host);
}

// Rows are immutable, so the text a row is searched in is built once and reused by later filters.
const haystacks = new WeakMap<FailureRow, string>();

function haystack(row: FailureRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [
      row.method,
      row.host,
      row.path,
      row.status,
      row.code ?? '',
      row.message ?? '',
      row.networkError ?? '',
      row.provider,
      row.category,
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

function termMatches(row: FailureRow, term: FilterTerm): boolean {
  const text = haystack(row);
  return typeof term.match === 'string' ? text.includes(term.match) : term.match.test(text);
}
