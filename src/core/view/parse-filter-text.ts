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
    const key = ALIASES[rawKey] ?? (FILTER_KEYS as readonly string[]).find((k) => k === rawKey);
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
