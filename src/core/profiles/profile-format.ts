import type { Category, RetryVerdict } from '../diagnosis.ts';

/**
 * The profile file format, version 1: one provider's documented error policy as plain JSON.
 * `profile.schema.json` (next to this file) is the same contract as a JSON Schema, for editors and
 * for teams writing their own; `load-profile.ts` checks a document against it at run time.
 * Built-in profiles are written in this format too, so what a user can say a built-in can say.
 */
export const PROFILE_FORMAT_VERSION = 1;

/** Where a rule comes from: the public doc page and the section (heading or table row) it encodes. */
export interface DocCitation {
  /** The provider's public page, with an anchor where the section has one. */
  url?: string;
  /** The heading or table row quoted from that page. */
  section: string;
  /** A readable name of the document when it is not the profile's own doc (`RFC 9110`). */
  title?: string;
}

/**
 * Where one ErrorBody field lives: a JSON path in the body (`error.errors[0].reason`,
 * `innerError.request-id`) or a response header (`header:x-amzn-ErrorType`), optionally narrowed
 * by a regular expression whose first group (or whole match) becomes the value.
 */
export type FieldSource = string | { from: string; match: string };

export interface FieldSources {
  code?: readonly FieldSource[];
  type?: readonly FieldSource[];
  message?: readonly FieldSource[];
  requestId?: readonly FieldSource[];
  param?: readonly FieldSource[];
  docUrl?: readonly FieldSource[];
}

/** A body shape: paths that must be present, and paths whose value must equal a given one. */
export interface BodyShape {
  has?: readonly string[];
  equals?: Record<string, string | number | boolean | null>;
}

/** One way to tell the provider apart without its host; every listed part must hold. */
export interface Signature {
  /** Request header names that must all be present. */
  requestHeaders?: readonly string[];
  /** Response header names that must all be present. */
  responseHeaders?: readonly string[];
  body?: BodyShape;
  /** Which body format (`graphql`, `error-object`, `aws`, …) the response must be in. */
  bodyFormat?: readonly string[];
}

export interface Recognition {
  /** API hosts, exact (`api.stripe.com`) or every subdomain (`*.googleapis.com`). */
  hosts?: readonly string[];
  /** Shapes or header sets only this provider produces; any one is enough. */
  signatures?: readonly Signature[];
}

export type StatusMatch = number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/** When a rule applies: every listed condition must hold (an empty `when` always applies). */
export interface RuleWhen {
  /** HTTP statuses or classes; 0 is "no response". */
  status?: readonly StatusMatch[];
  method?: readonly string[];
  /** Regular expression over the URL path. */
  path?: string;
  /** Error codes (ErrorBody `code`), compared without case. */
  code?: readonly string[];
  /** Error types (ErrorBody `type`: Stripe `type`, Google `reason`, RFC 9457 `type` URI). */
  type?: readonly string[];
  /** Regular expression over the error message, without case. */
  message?: string;
  /** ErrorBody fields that must be present. */
  has?: readonly ('code' | 'type' | 'message' | 'param' | 'requestId' | 'quotaFailure' | 'retryDelay')[];
  bodyFormat?: readonly string[];
  /** Response headers that must be present, each matching the regular expression given ('' = any). */
  responseHeaders?: Record<string, string>;
  /** Whether the request carried an idempotency key. */
  idempotencyKey?: boolean;
  /** Whether the server named a wait (Retry-After, Google RetryInfo, an exhausted window's reset). */
  serverWait?: boolean;
  /** Whether a rate-limit header says nothing is left in the window. */
  rateLimitExhausted?: boolean;
}

/** A backoff schedule: explicit waits, or an exponential series. Seconds. */
export interface BackoffSpec {
  delaysS?: readonly number[];
  initialS?: number;
  factor?: number;
  count?: number;
  capS?: number;
  jitter?: boolean;
}

/**
 * `when-idempotent` resolves to `yes` when the request is safe to repeat (an idempotent method, a
 * request the provider documents as idempotent, or an idempotency key) and `conditional` otherwise.
 */
export type RetrySpec = RetryVerdict | 'when-idempotent';

/** What a rule decides; fields it leaves out keep the generic baseline's value. */
export interface RuleThen {
  category?: Category;
  retry?: RetrySpec;
  /** What makes a `conditional` retry safe, shown only when the verdict is conditional. */
  condition?: string;
  /** `server`: a server-given delay (Retry-After…) comes first; `schedule`: only the schedule counts. */
  wait?: 'server' | 'schedule';
  backoff?: BackoffSpec;
  maxAttempts?: number;
  /** What the retry does with the idempotency key, when the request sent one. */
  idempotencyKey?: 'same' | 'new' | 'none';
  /**
   * Advice in our own words, without timing (the schedule and waits are added from the verdict).
   * `{param}`, `{code}`, `{type}`, `{requestId}`, `{status}` and `{method}` are replaced by the
   * exchange's values and `{baseline}` by the generic advice; `[…]` around a placeholder marks a part
   * dropped when the value is missing.
   */
  action?: string;
  /** A request detail the rule relies on, shown as evidence. */
  note?: string;
}

export interface RuleDocument {
  /** Unique within the profile. */
  id: string;
  when: RuleWhen;
  then: RuleThen;
  doc: DocCitation;
}

/** Requests the provider documents as safe to repeat. */
export interface IdempotentRequest {
  method?: readonly string[];
  /** Regular expression over the URL path. */
  path?: string;
  /** The request body carries one of these JSON fields with a value (a unique identifier). */
  bodyFields?: readonly string[];
  /** Why it is safe, shown as evidence. */
  note?: string;
}

export interface IdempotencyPolicy {
  /** The request header carrying the idempotency key; absent when the provider documents none. */
  header?: string;
  /** Methods safe to repeat (default: RFC 9110 §9.2.2's idempotent methods). */
  methods?: readonly string[];
  requests?: readonly IdempotentRequest[];
  /** How to avoid duplicates when the provider takes no key (e.g. a hash of endpoint + payload). */
  advice?: string;
}

export interface ProfileDocument {
  /** Editors use it; the loader ignores it. */
  $schema?: string;
  formatVersion: 1;
  /** Lower-case id: letters, digits and dashes. */
  id: string;
  name: string;
  /** The provider's public error-handling page. */
  docUrl?: string;
  /** A readable title of the provider's doc, shown where there is no URL to link. */
  docTitle?: string;
  recognize: Recognition;
  fields?: FieldSources;
  /** Responses with a 2xx status whose body still reports a failure (Slack's `"ok": false`). */
  failureWhen?: readonly BodyShape[];
  /** Response headers in which the server says whether to retry (`Stripe-Should-Retry`). */
  retryHeaders?: readonly string[];
  idempotency?: IdempotencyPolicy;
  /** The provider's default backoff for rules that retry and name none. */
  backoff?: BackoffSpec;
  /** Field names of the identifier the provider's support asks for in a ticket. */
  supportIdentifiers?: readonly string[];
  /** Checked in order, first match wins; when none applies the generic baseline stands. */
  rules: readonly RuleDocument[];
}
