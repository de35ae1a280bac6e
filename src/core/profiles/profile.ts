import type { Category, DocRef, ErrorBody, Evidence, RateLimitInfo, RetryVerdict } from '../diagnosis.ts';
import type { Exchange, Header } from '../exchange.ts';
import { asText, parsePath, valueAt } from '../formats/index.ts';
import { headerValue } from '../header-value.ts';
import type {
  BackoffSpec,
  BodyShape,
  FieldSource,
  FieldSources,
  ProfileDocument,
  RuleDocument,
  RuleThen,
  RuleWhen,
  Signature,
  StatusMatch,
} from './profile-format.ts';

/** A wait the server asked for, where it came from, and what showed it. */
export interface ServerWait {
  seconds: number;
  /** `Retry-After`, `RetryInfo`, `RateLimit reset`, or what a provider hook read. */
  source: string;
  evidence: Evidence;
}

/** What a rule looks at: the exchange plus what was already read from it. */
export interface RuleContext {
  exchange: Exchange;
  /** HTTP status, 0 when no response arrived. */
  status: number;
  /** Upper-case request method. */
  method: string;
  /** URL path without query, `/` when the URL is unreadable. */
  path: string;
  error: ErrorBody | undefined;
  /** The parsed JSON body (an event stream's error event), for provider hooks. */
  json: unknown;
  /** Name and value of the request's idempotency key header, when it carried one. */
  idempotencyKey: { header: string; value: string } | undefined;
  /** A wait the response named (Retry-After, RetryInfo, an exhausted window's reset). */
  serverWait: ServerWait | undefined;
  rateLimit: RateLimitInfo | undefined;
}

export interface Backoff {
  delaysS: readonly number[];
  capS?: number;
  jitter: boolean;
}

/** A profile's answer for one exchange, before the server's explicit retry header is weighed. */
export interface Verdict {
  category: Category;
  retry: RetryVerdict;
  /** What makes a conditional retry safe (said only when `retry` is conditional). */
  condition: string;
  wait: 'server' | 'schedule';
  backoff: Backoff;
  maxAttempts?: number;
  /** What a retry does with the idempotency key: reuse it, mint a new one, or none involved. */
  retryKey: 'same' | 'new' | 'none';
  /** Advice in our own words, without timing. */
  action: string;
  notes: Evidence[];
  /** Why a `yes` for a non-idempotent method is safe (a request the provider deduplicates). */
  safeBecause?: string;
  /** The rule that decided, e.g. `persona.429`. */
  rule: string;
  doc: DocRef;
}

/** Code a built-in rule needs where the format cannot say it (see each use for why). */
export type WaitHook = (context: RuleContext) => ServerWait | undefined;

export interface CompiledRule {
  id: string;
  applies(context: RuleContext): boolean;
  then: Omit<RuleThen, 'backoff'> & { backoff?: Backoff };
  doc: DocRef;
  waitHook?: WaitHook;
}

/** An idempotency policy with its request patterns compiled. */
export interface Idempotency {
  header?: string;
  methods: ReadonlySet<string>;
  /** Why this request is safe to repeat, or undefined when the policy does not cover it. */
  covers(context: RuleContext): string | undefined;
  advice?: string;
}

/** One provider's documented error policy, loaded from a profile document and ready to run. */
export interface Profile {
  id: string;
  name: string;
  /** The provider's public error-handling page, when known. */
  docUrl?: string;
  /** What to call the provider's doc where there is no link. */
  docTitle: string;
  builtIn: boolean;
  document: ProfileDocument;
  hosts: readonly string[];
  supportIdentifiers: readonly string[];
  /** What gave the provider away in a response it did not come from a known host of, if anything. */
  signature(exchange: Exchange, error: ErrorBody | undefined, json: unknown): Evidence | undefined;
  /** The profile's own field locations laid over what the body format found. */
  readFields(error: ErrorBody | undefined, json: unknown, headers: readonly Header[]): ErrorBody | undefined;
  /** Whether a 2xx body reports a failure (Slack's `"ok": false`). */
  failsIn2xx(json: unknown): boolean;
  retryHeaders: readonly string[];
  idempotency: Idempotency;
  backoff?: Backoff;
  rules: readonly CompiledRule[];
}

/** Hooks a built-in provider module passes with its document, keyed by the rule that needs them. */
export interface ProfileHooks<RuleId extends string = string> {
  waits?: Partial<Record<RuleId, WaitHook>>;
}

// RFC 9110 §9.2.2: these methods are idempotent by definition, so a repeat cannot do harm.
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'];

const NEVER = (): false => false;

function regexOf(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, 'i');
  } catch {
    return undefined; // the loader has already reported it; a broken pattern matches nothing
  }
}

/** Backoff from its spec: explicit delays, or `count` waits from `initialS` growing by `factor`. */
export function backoffOf(spec: BackoffSpec): Backoff {
  const capS = spec.capS;
  const raw =
    spec.delaysS ??
    Array.from({ length: spec.count ?? 5 }, (_, i) => (spec.initialS ?? 1) * (spec.factor ?? 2) ** i);
  const delaysS = raw.map((s) => Math.round(Math.min(s, capS ?? Number.POSITIVE_INFINITY) * 100) / 100);
  const backoff: Backoff = { delaysS, jitter: spec.jitter ?? false };
  if (capS !== undefined) backoff.capS = capS;
  return backoff;
}

function shapeTest(shape: BodyShape): (json: unknown) => boolean {
  const has = (shape.has ?? []).map(parsePath);
  const equals = Object.entries(shape.equals ?? {}).map(([path, value]) => [parsePath(path), value] as const);
  return (json) =>
    has.every((steps) => steps !== undefined && (valueAt(json, steps) ?? null) !== null) &&
    equals.every(([steps, value]) => steps !== undefined && valueAt(json, steps) === value);
}

function fieldReader(
  sources: readonly FieldSource[],
): (json: unknown, headers: readonly Header[]) => string | undefined {
  const compiled = sources.map((source) => {
    const from = typeof source === 'string' ? source : source.from;
    const match = typeof source === 'string' ? undefined : regexOf(source.match);
    const header = /^header:(.+)$/i.exec(from)?.[1]?.trim();
    const steps = header === undefined ? parsePath(from) : undefined;
    return { header, steps, match };
  });
  return (json, headers) => {
    for (const { header, steps, match } of compiled) {
      const raw =
        header !== undefined
          ? headerValue(headers, header)
          : steps
            ? asText(valueAt(json, steps))
            : undefined;
      if (raw === undefined) continue;
      if (match === undefined) return raw;
      const found = match.exec(raw.slice(0, 1000));
      const value = asText(found?.[1] ?? found?.[0]);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}

function fieldsReader(fields: FieldSources | undefined): Profile['readFields'] {
  const readers = Object.entries(fields ?? {}).map(
    ([name, sources]) => [name as keyof FieldSources, fieldReader(sources ?? [])] as const,
  );
  if (readers.length === 0) return (error) => error;
  return (error, json, headers) => {
    let result = error;
    for (const [name, read] of readers) {
      const value = read(json, headers);
      if (value !== undefined) result = { ...(result ?? { format: 'profile' }), [name]: value };
    }
    return result;
  };
}

function signatureTest(signature: Signature, profileName: string): Profile['signature'] {
  const body = signature.body === undefined ? undefined : shapeTest(signature.body);
  const parts: string[] = [];
  if (signature.requestHeaders) parts.push(`request headers ${signature.requestHeaders.join(' + ')}`);
  if (signature.responseHeaders) parts.push(`response headers ${signature.responseHeaders.join(' + ')}`);
  if (signature.body) parts.push('its body shape');
  if (signature.bodyFormat) {
    const formats = signature.bodyFormat.join('/');
    parts.push(`${/^[aeiou]/i.test(formats) ? 'an' : 'a'} ${formats} body`);
  }
  const detail = `${parts.join(', ')}, which only ${profileName} sends`;
  return (exchange, error, json) => {
    const ok =
      (signature.requestHeaders ?? []).every(
        (name) => headerValue(exchange.requestHeaders, name) !== undefined,
      ) &&
      (signature.responseHeaders ?? []).every(
        (name) => headerValue(exchange.responseHeaders, name) !== undefined,
      ) &&
      (body === undefined || body(json)) &&
      (signature.bodyFormat === undefined || signature.bodyFormat.includes(error?.format ?? ''));
    return ok ? { source: signature.body || signature.bodyFormat ? 'body' : 'header', detail } : undefined;
  };
}

function statusTest(statuses: readonly StatusMatch[]): (status: number) => boolean {
  const exact = new Set(statuses.filter((s): s is number => typeof s === 'number'));
  const classes = new Set(statuses.filter((s) => typeof s === 'string').map((s) => Number(s[0])));
  return (status) => exact.has(status) || (status >= 100 && classes.has(Math.floor(status / 100)));
}

const lower = (values: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  values === undefined ? undefined : new Set(values.map((value) => value.toLowerCase()));

const HAS_FIELD: Record<NonNullable<RuleWhen['has']>[number], (error: ErrorBody) => boolean> = {
  code: (e) => e.code !== undefined,
  type: (e) => e.type !== undefined,
  message: (e) => e.message !== undefined,
  param: (e) => e.param !== undefined,
  requestId: (e) => e.requestId !== undefined,
  quotaFailure: (e) => e.quotaFailure === true,
  retryDelay: (e) => e.retryDelayS !== undefined,
};

/** A rule's `when` as one predicate: every condition it lists must hold. */
function whenTest(when: RuleWhen): (context: RuleContext) => boolean {
  const tests: ((context: RuleContext) => boolean)[] = [];
  if (when.status) {
    const test = statusTest(when.status);
    tests.push((c) => test(c.status));
  }
  const methods = when.method?.map((m) => m.toUpperCase());
  if (methods) tests.push((c) => methods.includes(c.method));
  const path = regexOf(when.path);
  if (when.path !== undefined) tests.push((c) => path?.test(c.path) === true);
  const codes = lower(when.code);
  if (codes) tests.push((c) => codes.has(c.error?.code?.toLowerCase() ?? '\0'));
  const types = lower(when.type);
  if (types) tests.push((c) => types.has(c.error?.type?.toLowerCase() ?? '\0'));
  const message = regexOf(when.message);
  if (when.message !== undefined)
    tests.push((c) => message?.test(c.error?.message?.slice(0, 2000) ?? '') === true);
  for (const field of when.has ?? []) tests.push((c) => c.error !== undefined && HAS_FIELD[field](c.error));
  if (when.bodyFormat) {
    const formats = when.bodyFormat;
    tests.push((c) => formats.includes(c.error?.format ?? ''));
  }
  for (const [name, pattern] of Object.entries(when.responseHeaders ?? {})) {
    const re = pattern === '' ? undefined : regexOf(pattern);
    tests.push((c) => {
      const value = headerValue(c.exchange.responseHeaders, name);
      return value !== undefined && (pattern === '' || re?.test(value) === true);
    });
  }
  if (when.idempotencyKey !== undefined)
    tests.push((c) => (c.idempotencyKey !== undefined) === when.idempotencyKey);
  if (when.serverWait !== undefined) tests.push((c) => (c.serverWait !== undefined) === when.serverWait);
  if (when.rateLimitExhausted !== undefined)
    tests.push((c) => (c.rateLimit?.remaining === 0) === when.rateLimitExhausted);
  return (context) => tests.every((test) => test(context));
}

/** The request body's JSON fields with a non-empty string or number value, found without parsing. */
function bodyFieldTest(fields: readonly string[]): (body: string | undefined) => string | undefined {
  const names = fields.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`"(${names})"\\s*:\\s*(?:"[^"\\s]|\\d)`);
  return (body) => (body === undefined ? undefined : pattern.exec(body.slice(0, 65_536))?.[1]);
}

function idempotencyOf(document: ProfileDocument): Idempotency {
  const policy = document.idempotency ?? {};
  const methods = new Set((policy.methods ?? IDEMPOTENT_METHODS).map((m) => m.toUpperCase()));
  const requests = (policy.requests ?? []).map((request) => {
    const requestMethods = request.method?.map((m) => m.toUpperCase());
    const path = regexOf(request.path);
    const field = request.bodyFields === undefined ? undefined : bodyFieldTest(request.bodyFields);
    return (context: RuleContext): string | undefined => {
      if (requestMethods !== undefined && !requestMethods.includes(context.method)) return undefined;
      if (request.path !== undefined && path?.test(context.path) !== true) return undefined;
      if (field === undefined) return request.note ?? `${document.name} documents this request as idempotent`;
      const found = field(context.exchange.requestBody);
      return found === undefined ? undefined : `${request.note ?? 'deduplicated on'} \`${found}\``;
    };
  });
  const idempotency: Idempotency = {
    methods,
    covers: (context) => {
      for (const covers of requests) {
        const note = covers(context);
        if (note !== undefined) return note;
      }
      return undefined;
    },
  };
  if (policy.header !== undefined) idempotency.header = policy.header;
  if (policy.advice !== undefined) idempotency.advice = policy.advice;
  return idempotency;
}

function docRefOf(document: ProfileDocument, rule: RuleDocument): DocRef {
  const ref: DocRef = {
    title: rule.doc.title ?? document.docTitle ?? `${document.name} documentation`,
    section: rule.doc.section,
  };
  const url = rule.doc.url ?? (rule.doc.title === undefined ? document.docUrl : undefined);
  if (url !== undefined) ref.url = url;
  return ref;
}

function compileRule(
  document: ProfileDocument,
  rule: RuleDocument,
  hook: WaitHook | undefined,
): CompiledRule {
  const { backoff, ...then } = rule.then;
  const compiled: CompiledRule = {
    id: `${document.id}.${rule.id}`,
    applies: whenTest(rule.when),
    then: backoff === undefined ? then : { ...then, backoff: backoffOf(backoff) },
    doc: docRefOf(document, rule),
  };
  if (hook !== undefined) compiled.waitHook = hook;
  return compiled;
}

/**
 * A checked profile document made runnable: patterns compiled once, paths parsed once, so that
 * classifying an exchange only runs small predicates (no eval: the panel runs under MV3's CSP).
 */
export function compileProfile(
  document: ProfileDocument,
  hooks: ProfileHooks = {},
  builtIn = false,
): Profile {
  const signatures = (document.recognize.signatures ?? []).map((s) => signatureTest(s, document.name));
  const failures = (document.failureWhen ?? []).map(shapeTest);
  const profile: Profile = {
    id: document.id,
    name: document.name,
    docTitle: document.docTitle ?? `${document.name} documentation`,
    builtIn,
    document,
    hosts: (document.recognize.hosts ?? []).map((host) => host.toLowerCase()),
    supportIdentifiers: document.supportIdentifiers ?? [],
    signature: (exchange, error, json) => {
      for (const test of signatures) {
        const evidence = test(exchange, error, json);
        if (evidence !== undefined) return evidence;
      }
      return undefined;
    },
    readFields: fieldsReader(document.fields),
    failsIn2xx: failures.length === 0 ? NEVER : (json) => failures.some((test) => test(json)),
    retryHeaders: document.retryHeaders ?? [],
    idempotency: idempotencyOf(document),
    rules: document.rules.map((rule) => compileRule(document, rule, hooks.waits?.[rule.id])),
  };
  if (document.docUrl !== undefined) profile.docUrl = document.docUrl;
  if (document.backoff !== undefined) profile.backoff = backoffOf(document.backoff);
  return profile;
}
