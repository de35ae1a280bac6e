import type { Category, ErrorClass, Evidence, RetryVerdict } from '../diagnosis.ts';
import type { RetrySpec } from './profile-format.ts';
import type { Backoff, CompiledRule, Profile, RuleContext, Verdict } from './profile.ts';

const NO_BACKOFF: Backoff = { delaysS: [], jitter: false };

// What stands when no rule applies at all: a 1xx-3xx response that reports no error.
const NOT_A_FAILURE: Verdict = {
  category: 'client_error',
  retry: 'no',
  condition: '',
  wait: 'server',
  backoff: NO_BACKOFF,
  retryKey: 'none',
  action: 'This response does not report an error, so there is nothing to retry.',
  notes: [],
  rule: 'generic.not-a-failure',
  doc: {
    title: 'RFC 9110 HTTP Semantics',
    section: '15 Status Codes',
    url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15',
  },
};

const SERVER_CATEGORIES: ReadonlySet<Category> = new Set([
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'gateway_timeout',
]);

/** Which side failed, as the category says: the network, the server, or the request. */
export function classOf(category: Category): ErrorClass {
  if (category === 'network_error') return 'network';
  return SERVER_CATEGORIES.has(category) ? 'server' : 'client';
}

/**
 * `when-idempotent`: `yes` when repeating the request cannot act twice — HTTP defines the method as
 * idempotent (RFC 9110 §9.2.2, or the provider's narrower list), the provider documents this request
 * as idempotent, or an idempotency key lets the server deduplicate — and `conditional` otherwise.
 */
function resolveRetry(
  spec: RetrySpec,
  profile: Profile,
  context: RuleContext,
): { retry: RetryVerdict; note?: Evidence } {
  if (spec !== 'when-idempotent') return { retry: spec };
  if (profile.idempotency.methods.has(context.method)) return { retry: 'yes' };
  const covered = profile.idempotency.covers(context);
  if (covered !== undefined) return { retry: 'yes', note: { source: 'rule', detail: covered } };
  // A key only deduplicates where the provider reads one: a profile that documents its idempotency
  // without a key header (Ranex, PRIVO) gains nothing from an Idempotency-Key it ignores.
  const honoursKey = profile.idempotency.header !== undefined || profile.document.idempotency === undefined;
  return { retry: context.idempotencyKey !== undefined && honoursKey ? 'yes' : 'conditional' };
}

const PLACEHOLDER = /\{(param|code|type|status|method|requestId|baseline)\}/g;
// `[…]` around a placeholder marks an optional part, dropped when the exchange lacks its value.
const OPTIONAL = /\[([^[\]]*\{[a-zA-Z]+\}[^[\]]*)\]/g;

function placeholderValue(name: string, context: RuleContext, baseline: string): string | undefined {
  if (name === 'status') return String(context.status);
  if (name === 'method') return context.method;
  if (name === 'baseline') return baseline.replace(/\.$/, '');
  return context.error?.[name as 'param' | 'code' | 'type' | 'requestId'];
}

/**
 * The action with its placeholders filled in: an optional `[…]` part without its value is dropped;
 * undefined when a required placeholder has no value (the caller then keeps the baseline advice).
 */
function fill(action: string, context: RuleContext, baseline: string): string | undefined {
  const substitute = (text: string): string | undefined => {
    let missing = false;
    const filled = text.replace(PLACEHOLDER, (_, name: string) => {
      const value = placeholderValue(name, context, baseline);
      if (value === undefined) missing = true;
      return value ?? '';
    });
    return missing ? undefined : filled;
  };
  return substitute(action.replace(OPTIONAL, (_, inner: string) => substitute(inner) ?? ''));
}

/** `base` with one rule's decisions laid over it; what the rule leaves out keeps the base's value. */
function applyRule(rule: CompiledRule, profile: Profile, context: RuleContext, base: Verdict): Verdict {
  const then = rule.then;
  const resolved = resolveRetry(then.retry ?? base.retry, profile, context);
  const notes = [...base.notes];
  if (resolved.note !== undefined) notes.push(resolved.note);
  const safeBecause = resolved.note?.detail ?? (resolved.retry === 'yes' ? base.safeBecause : undefined);
  if (then.note !== undefined) notes.push({ source: 'rule', detail: then.note });
  const verdict: Verdict = {
    category: then.category ?? base.category,
    retry: resolved.retry,
    condition: then.condition ?? base.condition,
    wait: then.wait ?? base.wait,
    backoff:
      then.backoff ?? (base.backoff.delaysS.length > 0 ? base.backoff : (profile.backoff ?? NO_BACKOFF)),
    retryKey: then.idempotencyKey ?? base.retryKey,
    action: (then.action === undefined ? undefined : fill(then.action, context, base.action)) ?? base.action,
    notes,
    rule: rule.id,
    doc: rule.doc,
  };
  const maxAttempts = then.maxAttempts ?? base.maxAttempts;
  if (maxAttempts !== undefined) verdict.maxAttempts = maxAttempts;
  if (safeBecause !== undefined) verdict.safeBecause = safeBecause;
  return verdict;
}

function firstRule(profile: Profile, context: RuleContext): CompiledRule | undefined {
  return profile.rules.find((rule) => rule.applies(context));
}

/**
 * The generic baseline for the exchange, then the provider's first applicable rule laid over it
 * (DESIGN.md "The documented policy"). The baseline's schedule is the provider's default backoff
 * where it documents one, else the generic default.
 */
export function verdictFor(profile: Profile, generic: Profile, context: RuleContext): Verdict {
  const start: Verdict = { ...NOT_A_FAILURE, backoff: profile.backoff ?? generic.backoff ?? NO_BACKOFF };
  const baseRule = firstRule(generic, context);
  const baseline = baseRule === undefined ? start : applyRule(baseRule, profile, context, start);
  if (profile === generic) return baseline;
  const own = firstRule(profile, context);
  return own === undefined ? baseline : applyRule(own, profile, context, baseline);
}

/** The rule (if any) whose code supplies a wait the format cannot express. */
export function waitHookOf(profile: Profile, verdict: Verdict): CompiledRule['waitHook'] {
  return profile.rules.find((rule) => rule.id === verdict.rule)?.waitHook;
}
