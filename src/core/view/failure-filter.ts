// The failure filter: the filter bar's state, the Network-panel-like token language of its text
// box (parsed, then compiled once into a predicate), and filtering the rows with it.
import type { Category, ProviderId, RetryVerdict } from '../diagnosis.ts';
import { type StatusClass, statusClass, type FailureRow } from './failure-row.ts';

/**
 * What the filter bar holds. Every list is "any of these"; an empty list means no restriction.
 * `text` is the free-text box and may carry Network-panel-like tokens (see parse-filter-text.ts).
 */
export interface FailureFilter {
  text: string;
  providers: readonly ProviderId[];
  categories: readonly Category[];
  retry: readonly RetryVerdict[];
  statusClasses: readonly StatusClass[];
  hosts: readonly string[];
}

export const EMPTY_FILTER: FailureFilter = {
  text: '',
  providers: [],
  categories: [],
  retry: [],
  statusClasses: [],
  hosts: [],
};

/** Keys the free-text box understands, after aliases (Network panel's `domain:`, `status-code:`). */
export const FILTER_KEYS = [
  'status',
  'provider',
  'category',
  'retry',
  'method',
  'host',
  'code',
  'path',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const ALIASES: Readonly<Record<string, FilterKey>> = {
  'status-code': 'status',
  domain: 'host',
  is: 'category',
};

export interface FilterToken {
  key: FilterKey;
  /** Lowercased value. */
  value: string;
  negate: boolean;
}

/** A free-text term: a lowercase substring, or a regular expression written `/like this/`. */
export interface FilterTerm {
  match: string | RegExp;
  negate: boolean;
}

export interface ParsedFilterText {
  tokens: FilterToken[];
  terms: FilterTerm[];
}

/**
 * Splits the filter box the way the Network panel does: whitespace separates words, double quotes
 * keep a phrase together, a leading `-` negates, `key:value` with a known key is a token and
 * anything else (including `https://…`) is plain text to search for.
 */
export function parseFilterText(text: string): ParsedFilterText {
  const parsed: ParsedFilterText = { tokens: [], terms: [] };
  for (const word of splitWords(text)) {
    const negate = word.length > 1 && word.startsWith('-');
    const body = negate ? word.slice(1) : word;
    const colon = body.indexOf(':');
    const rawKey = colon > 0 ? body.slice(0, colon).toLowerCase() : '';
    // (Own aliases only: `constructor:` would read Object's constructor as a key.)
    const alias = Object.hasOwn(ALIASES, rawKey) ? ALIASES[rawKey] : undefined;
    const key = alias ?? (FILTER_KEYS as readonly string[]).find((k) => k === rawKey);
    const value = body.slice(colon + 1);
    if (key !== undefined && value !== '') {
      parsed.tokens.push({ key: key as FilterKey, value: value.toLowerCase(), negate });
    } else {
      parsed.terms.push({ match: termMatch(body), negate });
    }
  }
  return parsed;
}

function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const word = m[3] ?? `${m[1] ?? ''}${m[2] ?? ''}`;
    if (word !== '' && word !== '-') words.push(word);
  }
  return words;
}

function termMatch(body: string): string | RegExp {
  if (body.length > 2 && body.startsWith('/') && body.endsWith('/')) {
    try {
      return new RegExp(body.slice(1, -1), 'i');
    } catch {
      // An unfinished expression while typing: search for it literally rather than show nothing.
    }
  }
  return body.toLowerCase();
}

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

/**
 * The rows the filter lets through, in their input order. Across fields and tokens of different
 * keys the conditions combine with AND; several positive tokens with the same key are
 * alternatives (`status:429 status:503`), and each negated token or term excludes on its own.
 * The filter is compiled once per call, so filtering 10,000 rows is one linear pass.
 */
export function filterFailures(rows: readonly FailureRow[], filter: FailureFilter): FailureRow[] {
  const tests = compileFilter(filter);
  const [only] = tests;
  if (only === undefined) return [...rows];
  // The usual case is one restriction: call it directly rather than through every() per row.
  if (tests.length === 1) return rows.filter(only);
  return rows.filter((row) => tests.every((test) => test(row)));
}
