import { parseDictionary, parseList, serializeItem } from 'structured-headers';
import type { Item, List } from 'structured-headers';
import type { RateLimitInfo } from '../diagnosis.ts';
import type { HeaderLookup } from './header-lookup.ts';

const DICTIONARY_START = /^\s*[a-z*][a-z0-9_.*-]*\s*=/;

function tryParse<T>(parse: (text: string) => T, text: string): T | undefined {
  try {
    return parse(text);
  } catch {
    return undefined; // a malformed structured field is ignored, as RFC 9651 §4.2 requires
  }
}

function numberParam(item: Item, key: string): number | undefined {
  const value = item[1].get(key);
  return typeof value === 'number' ? value : undefined;
}

function itemsOf(list: List): Item[] {
  const items: Item[] = [];
  for (const member of list) if (!Array.isArray(member[0])) items.push(member as Item);
  return items;
}

/** The policy item named `name` (draft -08+: `"default";q=100;w=60`), or the first one. */
function policyItem(policies: Item[], name: unknown): Item | undefined {
  return policies.find((item) => String(item[0]) === String(name)) ?? policies[0];
}

function policyText(item: Item): string | undefined {
  try {
    return serializeItem(item);
  } catch {
    return undefined;
  }
}

/** `q` of a current policy, or the bare integer of a draft -07 policy (`100;w=60`). */
function policyLimit(item: Item | undefined): number | undefined {
  if (item === undefined) return undefined;
  return numberParam(item, 'q') ?? (typeof item[0] === 'number' ? item[0] : undefined);
}

/** draft-ietf-httpapi-ratelimit-headers-08 and later: `RateLimit: "default";r=50;t=30`. */
function fromList(list: List, policies: Item[]): RateLimitInfo | undefined {
  const items = itemsOf(list).filter((item) => numberParam(item, 'r') !== undefined);
  // Several policies may apply at once; the one closest to exhaustion is the one that matters.
  items.sort((a, b) => (numberParam(a, 'r') ?? 0) - (numberParam(b, 'r') ?? 0));
  const tightest = items[0];
  if (tightest === undefined) return undefined;
  const info: RateLimitInfo = { dialect: 'ratelimit', remaining: numberParam(tightest, 'r') ?? 0 };
  const policy = policyItem(policies, tightest[0]);
  const limit = policyLimit(policy);
  const reset = numberParam(tightest, 't');
  const text = policy === undefined ? undefined : policyText(policy);
  if (limit !== undefined) info.limit = limit;
  if (reset !== undefined) info.resetS = reset;
  if (text !== undefined) info.policy = text;
  return info;
}

/** draft-ietf-httpapi-ratelimit-headers-07: `RateLimit: limit=100, remaining=50, reset=30`. */
function fromDictionary(text: string, policyRaw: string | undefined): RateLimitInfo | undefined {
  const dictionary = tryParse(parseDictionary, text);
  if (dictionary === undefined) return undefined;
  const value = (key: string): number | undefined => {
    const member = dictionary.get(key)?.[0];
    return typeof member === 'number' ? member : undefined;
  };
  const info: RateLimitInfo = { dialect: 'ratelimit' };
  const fields = { limit: value('limit'), remaining: value('remaining'), resetS: value('reset') };
  if (fields.limit !== undefined) info.limit = fields.limit;
  if (fields.remaining !== undefined) info.remaining = fields.remaining;
  if (fields.resetS !== undefined) info.resetS = fields.resetS;
  if (policyRaw !== undefined) info.policy = policyRaw.trim();
  return info.limit === undefined && info.remaining === undefined ? undefined : info;
}

/**
 * The structured `RateLimit` / `RateLimit-Policy` fields of draft-ietf-httpapi-ratelimit-headers,
 * parsed with a maintained RFC 9651 parser. Both the current list syntax and draft -07's dictionary
 * syntax are accepted, since servers in the wild still send either.
 */
export function readStructuredRateLimit(get: HeaderLookup): RateLimitInfo | undefined {
  const raw = get('ratelimit');
  const policyRaw = get('ratelimit-policy');
  const policies = policyRaw === undefined ? [] : itemsOf(tryParse(parseList, policyRaw) ?? []);
  if (raw === undefined) {
    const limit = policyLimit(policies[0]);
    if (limit === undefined || policyRaw === undefined) return undefined;
    return { dialect: 'ratelimit', limit, policy: policyRaw.trim() };
  }
  // `limit=100, …` (a dictionary key first) is draft -07; trying the other syntax first would throw a
  // ParseError on every such response.
  if (DICTIONARY_START.test(raw)) return fromDictionary(raw, policyRaw);
  const list = tryParse(parseList, raw);
  return list === undefined ? undefined : fromList(list, policies);
}
