import type {
  Category,
  DocRef,
  ErrorBody,
  ErrorClass,
  Evidence,
  ProviderId,
  RetryVerdict,
} from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';

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
  /** Name and value of the request's Idempotency-Key header, when it carried one. */
  idempotencyKey: { header: string; value: string } | undefined;
}

/** A profile's answer for one exchange, before server-given waits (Retry-After…) are added. */
export interface Verdict {
  class: ErrorClass;
  category: Category;
  retry: RetryVerdict;
  /** Documented backoff schedule, seconds. */
  backoffS: readonly number[];
  backoffCapS?: number;
  maxAttempts?: number;
  jitter: boolean;
  /** What a retry does with the idempotency key: reuse it, mint a new one, or none involved. */
  retryKey: 'same' | 'new' | 'none';
  /** One sentence in our own words. */
  action: string;
  /** Request or response details the rule relied on beyond status and method (shown as evidence). */
  notes?: Evidence[];
  /** The rule that decided, e.g. `persona.429`. */
  rule: string;
  doc: DocRef;
}

/** The fields a rule may change; `doc` and `rule` come from the rule itself. */
export type VerdictChange = Partial<Omit<Verdict, 'doc' | 'rule'>> & { action: string };

/** One documented policy statement: when it applies and what it changes, citing its doc section. */
export interface ProfileRule {
  id: string;
  doc: DocRef;
  applies(context: RuleContext): boolean;
  decide(context: RuleContext, baseline: Verdict): VerdictChange;
}

/** One provider's documented error policy (DESIGN.md "Profile"), as data plus small functions. */
export interface Profile {
  id: ProviderId;
  /** Display name. */
  name: string;
  /** The provider's public error-handling page, for display and links; empty when none is known. */
  docUrl: string;
  /** The doc in shared/provider-docs this profile encodes (`DESIGN.md` for generic). */
  docFile: string;
  /** Lower-case hostnames that belong to this provider (exact match). */
  hosts: readonly string[];
  /** Field names of the identifier the provider's support asks for in a ticket. */
  supportIdentifiers: readonly string[];
  /**
   * A body shape or header set only this provider produces: returns what gave it away (becomes the
   * Diagnosis' `recognizedBy`), or undefined.
   */
  recognize(exchange: Exchange, error: ErrorBody | undefined): Evidence | undefined;
  /** Checked in order, first match wins; when none applies the generic baseline stands. */
  rules: readonly ProfileRule[];
}
