import type { FailureFilter } from './failure-filter.ts';
import type { FailureRow } from './failure-row.ts';
import { parseFilterText, type FilterKey, type FilterTerm, type FilterToken } from './parse-filter-text.ts';
import { statusClass } from './status-class.ts';

export type RowTest = (row: FailureRow) => boolean;

/**
 * The filter as a list of row tests, one per active restriction, with every token's value parsed
 * once here rather than per row. An empty list means the filter lets everything through.
 * Positive tokens with the same key are alternatives; each negated token or term excludes alone.
 */
export function compileFilter(filter: FailureFilter): RowTest[] {
  const tests: RowTest[] = [];
  const oneOf = <T>(chosen: readonly T[], value: (row: FailureRow) => T) => {
    if (chosen.length > 0) tests.push((row) => chosen.includes(value(row)));
  };
  oneOf(filter.providers, (row) => row.provider);
  oneOf(filter.categories, (row) => row.category);
  oneOf(filter.retry, (row) => row.retry);
  oneOf(filter.statusClasses, (row) => statusClass(row.status));
  oneOf(
    filter.hosts.map((h) => h.toLowerCase()),
    (row) => row.host,
  );
  const { tokens, terms } = parseFilterText(filter.text);
  for (const alternatives of positiveByKey(tokens)) {
    const matchers = alternatives.map(tokenTest);
    tests.push((row) => matchers.some((m) => m(row)));
  }
  for (const token of tokens.filter((t) => t.negate)) {
    const matcher = tokenTest(token);
    tests.push((row) => !matcher(row));
  }
  for (const term of terms) {
    const matcher = termTest(term);
    tests.push(term.negate ? (row) => !matcher(row) : matcher);
  }
  return tests;
}

function positiveByKey(tokens: readonly FilterToken[]): FilterToken[][] {
  const byKey = new Map<FilterKey, FilterToken[]>();
  for (const t of tokens) if (!t.negate) byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
  return [...byKey.values()];
}

function tokenTest({ key, value }: FilterToken): RowTest {
  switch (key) {
    case 'status':
      return statusTest(value);
    case 'provider':
      return (row) => row.provider.startsWith(value);
    case 'category':
      return (row) => row.category.startsWith(value);
    case 'retry':
      return (row) => row.retry.startsWith(value);
    case 'method':
      return (row) => row.method.toLowerCase() === value;
    case 'host':
      return hostTest(value);
    case 'code':
      return (row) => (row.code ?? '').toLowerCase() === value;
    case 'path':
      return (row) => row.path.toLowerCase().includes(value);
  }
}

/** `429`, a class written `4xx`/`5xx`, or `network`/`0` for no response. */
function statusTest(value: string): RowTest {
  if (value === 'network') return (row) => row.status === 0;
  const cls = /^([1-5])xx$/.exec(value);
  if (cls) {
    const hundreds = Number(cls[1]);
    return (row) => Math.floor(row.status / 100) === hundreds;
  }
  // Compare numbers: converting each row's status to a string would dominate a 10,000-row pass.
  const code = /^\d+$/.test(value) ? Number(value) : NaN;
  return (row) => row.status === code;
}

/** Substring, or a `*` wildcard pattern like the Network panel's `domain:*.example.com`. */
function hostTest(value: string): RowTest {
  if (!value.includes('*')) return (row) => row.host.includes(value);
  const pattern = new RegExp(`^${value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (row) => pattern.test(row.host);
}

function termTest(term: FilterTerm): RowTest {
  const match = term.match;
  return typeof match === 'string'
    ? (row) => haystack(row).includes(match)
    : (row) => match.test(haystack(row));
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
