import { parseDictionary, parseList, serializeItem } from 'structured-headers';
import type { Item, List } from 'structured-headers';
import type { RateLimitInfo } from '../diagnosis.ts';
import type { Header } from '../exchange.ts';
import { headerValue } from '../header-value.ts';

const UNIT_S: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, ms: 0.001 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/;
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;

/**
 * A Go-style duration (`6m0s`, `1.5s`, `20ms`) in seconds, as token-metered APIs send in
 * `x-ratelimit-reset-requests`; undefined for anything else.
 */
function durationSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART))
    seconds += Number(amount) * (UNIT_S[unit ?? 's'] ?? 1);
  return seconds;
}

/**
 * The leading non-negative number of a header value: `100` from `100`, `100, 100;w=60` (the
 * quota-policy syntax of draft-ietf-httpapi-ratelimit-headers-03) or `59.5`. Undefined otherwise.
 */
function firstNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

// Without a Date header, anything past 2001-09-09 (1e9 s) cannot be a delay: it is an absolute
// time, which cannot be made relative without the server's clock.
const EPOCH_S_FLOOR = 1e9;

function durationOf(value: number, dateS: number | undefined): number | undefined {
  if (dateS === undefined) return value >= EPOCH_S_FLOOR ? undefined : value;
  // Relative to the server's clock: a value nearer to Date than to zero is an epoch, and one nearer
  // to Date×1000 is an epoch in milliseconds (GitHub sends seconds, some gateways milliseconds).
  if (value > dateS * 500) return value / 1000 - dateS;
  if (value > dateS / 2) return value - dateS;
  return value;
}

/**
 * A rate-limit reset value as seconds from the response, whatever the server meant by it: delta
 * seconds, epoch seconds, epoch milliseconds (told apart by magnitude against the response `Date`
 * header, `dateMs`), a Go-style duration (`6m0s`) or an HTTP-date. An absolute time with no `Date` header gives undefined: the
 * local clock is not the server's (and a HAR file may be read days later).
 */
function resetSeconds(raw: string | undefined, dateMs: number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const dateS = dateMs === undefined ? undefined : dateMs / 1000;
  const value = firstNumber(raw);
  if (value !== undefined && /^\s*[\d.]+\s*$/.test(raw)) {
    const seconds = durationOf(value, dateS);
    return seconds === undefined ? undefined : Math.max(0, Math.ceil(seconds));
  }
  const duration = durationSeconds(raw);
  if (duration !== undefined) return Math.ceil(duration);
  const atMs = Date.parse(raw);
  if (Number.isNaN(atMs) || dateMs === undefined) return undefined;
  return Math.max(0, Math.ceil((atMs - dateMs) / 1000));
}

/** The response `Date` header (RFC 9110 §6.6.1) in epoch milliseconds: the server's clock. */
function responseDateMs(headers: readonly Header[]): number | undefined {
  const value = headerValue(headers, 'date');
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A case-insensitive first-value lookup over response headers. */
type HeaderLookup = (lowerCaseName: string) => string | undefined;

/**
 * Index the headers once (first value per name, as `headerValue` does) so that reading a dozen
 * rate-limit names costs one pass instead of one per name; the session analyzer calls
 * readRateLimit on every exchange.
 */
function headerLookup(headers: readonly Header[]): HeaderLookup {
  const index = new Map<string, string>();
  for (const header of headers) {
    const name = header.name.toLowerCase();
    if (!index.has(name)) index.set(name, header.value);
  }
  return (name) => index.get(name);
}

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
function readStructuredRateLimit(get: HeaderLookup): RateLimitInfo | undefined {
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

/** Header names of one dialect: the limit, the remaining count and the reset time. */
interface RateLimitNames {
  dialect: string;
  limit: readonly string[];
  remaining: readonly string[];
  reset: readonly string[];
}

function firstPresent(get: HeaderLookup, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Separate limit/remaining/reset headers of one naming dialect (`RateLimit-Limit` of the early
 * drafts, `X-RateLimit-*` of GitHub, Twitter and most gateways). The reset value's unit is guessed
 * by `resetSeconds` against the response `Date` (`dateMs`).
 */
function readLegacyRateLimit(
  get: HeaderLookup,
  names: RateLimitNames,
  dateMs: number | undefined,
): RateLimitInfo | undefined {
  const limit = firstNumber(firstPresent(get, names.limit));
  const remaining = firstNumber(firstPresent(get, names.remaining));
  const resetS = resetSeconds(firstPresent(get, names.reset), dateMs);
  if (limit === undefined && remaining === undefined && resetS === undefined) return undefined;
  const info: RateLimitInfo = { dialect: names.dialect };
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (resetS !== undefined) info.resetS = resetS;
  const policy = get('ratelimit-policy');
  if (policy !== undefined) info.policy = policy.trim();
  return info;
}

// draft-ietf-httpapi-ratelimit-headers-00..06 (Persona sends these, persona.txt › "429 Too Many
// Requests"), then the X- family; the `-requests` names are the per-request counters of APIs that
// also meter tokens, and `X-Rate-Limit-*` is the older Twitter spelling.
const LEGACY: readonly RateLimitNames[] = [
  {
    dialect: 'ratelimit-*',
    limit: ['ratelimit-limit'],
    remaining: ['ratelimit-remaining'],
    reset: ['ratelimit-reset'],
  },
  {
    dialect: 'x-ratelimit-*',
    limit: ['x-ratelimit-limit', 'x-ratelimit-limit-requests', 'x-rate-limit-limit'],
    remaining: ['x-ratelimit-remaining', 'x-ratelimit-remaining-requests', 'x-rate-limit-remaining'],
    reset: [
      'x-ratelimit-reset',
      'x-ratelimit-reset-requests',
      'x-rate-limit-reset',
      'x-ratelimit-reset-after',
    ],
  },
];

/**
 * Counters that run beside the request counter: a 429 may come from any of them, and the one at
 * zero is the one whose reset is the wait. OpenAI meters tokens as well as requests
 * (platform.openai.com/docs/guides/rate-limits, "Rate limits in headers": `x-ratelimit-*-tokens`,
 * reset as a duration such as `6m0s`); Anthropic sends one set per limit, reset as an RFC 3339 time
 * (docs.claude.com/en/api/rate-limits, "Response headers": `anthropic-ratelimit-{requests,tokens,
 * input-tokens,output-tokens}-{limit,remaining,reset}`).
 */
const METERED: readonly RateLimitNames[] = [
  {
    dialect: 'x-ratelimit-*-tokens',
    limit: ['x-ratelimit-limit-tokens'],
    remaining: ['x-ratelimit-remaining-tokens'],
    reset: ['x-ratelimit-reset-tokens'],
  },
  ...['requests', 'tokens', 'input-tokens', 'output-tokens'].map((counter) => ({
    dialect: `anthropic-ratelimit-${counter}-*`,
    limit: [`anthropic-ratelimit-${counter}-limit`],
    remaining: [`anthropic-ratelimit-${counter}-remaining`],
    reset: [`anthropic-ratelimit-${counter}-reset`],
  })),
];

/**
 * Shopify's REST Admin API counts its leaky bucket as `X-Shopify-Shop-Api-Call-Limit: 32/40`,
 * calls in the bucket over its size (shopify.dev/docs/api/admin-rest/usage/rate-limits); the
 * bucket drains continuously, so no reset time is given.
 */
function readCallLimit(get: HeaderLookup): RateLimitInfo | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(get('x-shopify-shop-api-call-limit') ?? '');
  if (match === null) return undefined;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return { dialect: 'x-shopify-shop-api-call-limit', limit, remaining: Math.max(0, limit - used) };
}

/**
 * The counter that binds: one with nothing left (the latest reset of those, so its wait covers
 * them all), else the one with the least headroom.
 */
function binding(counters: readonly RateLimitInfo[]): RateLimitInfo | undefined {
  let best: RateLimitInfo | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const info of counters) {
    const score =
      info.remaining === 0
        ? -1 - (info.resetS ?? 0)
        : info.remaining !== undefined && info.limit !== undefined && info.limit > 0
          ? info.remaining / info.limit
          : Number.MAX_VALUE;
    if (best === undefined || score < bestScore) {
      best = info;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Rate-limit figures from whichever dialect the response uses, the standard structured fields
 * first. Seconds are relative to the response (see `resetSeconds` for how units are told apart).
 */
export function readRateLimit(headers: readonly Header[]): RateLimitInfo | undefined {
  // Every dialect's names contain "ratelimit", "rate-limit" or "api-call-limit"; most responses
  // carry none, and the panel and triage run this on every exchange.
  if (!headers.some((header) => /rate-?limit|api-call-limit/i.test(header.name))) return undefined;
  const get = headerLookup(headers);
  const structured = readStructuredRateLimit(get);
  if (structured !== undefined) return structured;
  const dateMs = responseDateMs(headers);
  const counters: RateLimitInfo[] = [];
  for (const names of LEGACY) {
    const info = readLegacyRateLimit(get, names, dateMs);
    if (info !== undefined) {
      counters.push(info);
      break;
    }
  }
  for (const names of METERED) {
    const info = readLegacyRateLimit(get, names, dateMs);
    if (info !== undefined) counters.push(info);
  }
  const callLimit = readCallLimit(get);
  if (callLimit !== undefined) counters.push(callLimit);
  return binding(counters);
}
