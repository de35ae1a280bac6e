import type { Diagnosis, Evidence, ProviderId, RateLimitInfo } from './diagnosis.ts';
import type { Exchange } from './exchange.ts';
import { readBody } from './formats/index.ts';
import {
  classOf,
  registryFor,
  urlParts,
  verdictFor,
  waitHookOf,
  type Profile,
  type ProviderRegistry,
  type RuleContext,
  type ServerWait,
  type Verdict,
} from './profiles/index.ts';
import { readRateLimit, readShouldRetry } from './rate-limit/index.ts';
import { headline, idempotencyKeyOf, namedWait, resetWait } from './retry/index.ts';

export interface ClassifyOptions {
  /** Host -> profile mapping from the user's settings; keys are lower-case hostnames. */
  hostMap?: Readonly<Record<string, ProviderId>>;
  /**
   * Profiles a user or team loaded (`loadProfile`), recognised before the built-ins; one with a
   * built-in's id replaces it. Keep the same array while it holds: the registry is built once per array.
   */
  profiles?: readonly Profile[];
}

/**
 * The server's own word on retrying (Stripe-Should-Retry, x-should-retry) outranks the verdict the
 * status and body suggest: the server knows whether the request could succeed unchanged.
 */
function weighServerAnswer(
  exchange: Exchange,
  profile: Profile,
  registry: ProviderRegistry,
  verdict: Verdict,
): [Verdict, Evidence[]] {
  const names = profile.retryHeaders.length > 0 ? profile.retryHeaders : registry.generic.retryHeaders;
  const answer = readShouldRetry(exchange.responseHeaders, names);
  if (answer === undefined) return [verdict, []];
  const evidence: Evidence = { source: 'header', detail: `${answer.header}: ${answer.retry}` };
  if (!answer.retry && verdict.retry !== 'no')
    return [
      {
        ...verdict,
        retry: 'no',
        action: `The server answered ${answer.header}: false, so resending this request will not help; find out whether it took effect before acting again.`,
      },
      [evidence],
    ];
  if (answer.retry && verdict.retry !== 'yes')
    return [
      {
        ...verdict,
        retry: 'yes',
        action: `${verdict.action.replace(/\.?$/, '.')} The server answered ${answer.header}: true, so sending the same request again is safe and can succeed.`,
      },
      [evidence],
    ];
  return [verdict, [evidence]];
}

function statusEvidence(context: RuleContext): Evidence {
  if (context.status !== 0) return { source: 'status', detail: `HTTP ${context.status}` };
  return { source: 'status', detail: `no response (${context.exchange.networkError ?? 'network error'})` };
}

function requestEvidence(context: RuleContext, profile: Profile): Evidence[] {
  const kind = profile.idempotency.methods.has(context.method) ? 'idempotent' : 'not idempotent';
  const key = context.idempotencyKey;
  return [
    { source: 'method', detail: `${context.method} is ${kind} by HTTP` },
    { source: 'header', detail: key === undefined ? 'no idempotency key sent' : `${key.header} sent` },
  ];
}

function rateLimitEvidence(rateLimit: RateLimitInfo | undefined): Evidence[] {
  if (rateLimit === undefined) return [];
  const figures = [`remaining ${rateLimit.remaining ?? '?'}`, `limit ${rateLimit.limit ?? '?'}`];
  if (rateLimit.resetS !== undefined) figures.push(`reset ${rateLimit.resetS} s`);
  return [{ source: 'header', detail: `${rateLimit.dialect}: ${figures.join(', ')}` }];
}

function bodyEvidence(context: RuleContext): Evidence[] {
  const error = context.error;
  if (error === undefined) return [];
  const code = error.code ?? error.type;
  return [{ source: 'body', detail: `${error.format} body${code === undefined ? '' : `, code ${code}`}` }];
}

/** The wait that decides the first retry: a provider hook's, the server's, else none (the schedule). */
function waitFor(
  profile: Profile,
  verdict: Verdict,
  context: RuleContext,
  named: ServerWait | undefined,
): ServerWait | undefined {
  if (verdict.wait === 'schedule') return undefined;
  const hooked = waitHookOf(profile, verdict)?.(context);
  if (hooked !== undefined) return hooked;
  if (named !== undefined) return named;
  return verdict.category === 'rate_limited' ? resetWait(context.rateLimit) : undefined;
}

/**
 * Classify one exchange by its provider's documented policy (DESIGN.md "The documented policy"):
 * which provider, what kind of failure, whether and when to retry, and what decided each part.
 * Total over every Exchange: body readers never throw and only read bounded, fixed paths.
 */
export function classify(exchange: Exchange, options: ClassifyOptions = {}): Diagnosis {
  const registry = registryFor(options.profiles);
  const body = readBody(exchange);
  const url = urlParts(exchange.url);
  const { profile, recognizedBy } = registry.recognize(
    exchange,
    body.error,
    body.json,
    options.hostMap ?? {},
    url.hosts,
  );
  const error = profile.readFields(body.error, body.json, exchange.responseHeaders);
  const rateLimit = readRateLimit(exchange.responseHeaders);
  const named = namedWait(exchange.responseHeaders, error);
  const refusedByLimit = exchange.status === 429 || exchange.status === 403;
  const context: RuleContext = {
    exchange,
    status: exchange.status,
    method: exchange.method.toUpperCase(),
    path: url.path,
    error,
    json: body.json,
    idempotencyKey: idempotencyKeyOf(exchange.requestHeaders, profile.idempotency.header),
    serverWait: named ?? (refusedByLimit ? resetWait(rateLimit) : undefined),
    rateLimit,
  };
  const [verdict, signals] = weighServerAnswer(
    exchange,
    profile,
    registry,
    verdictFor(profile, registry.generic, context),
  );
  const wait = waitFor(profile, verdict, context, named);
  const retrying = verdict.retry !== 'no';
  const diagnosis: Diagnosis = {
    provider: profile.id,
    providerName: profile.name,
    recognizedBy,
    class: classOf(verdict.category),
    category: verdict.category,
    retry: verdict.retry,
    backoffS: retrying ? [...verdict.backoff.delaysS] : [],
    jitter: retrying && verdict.backoff.jitter,
    idempotency: { retryKey: context.idempotencyKey === undefined ? 'none' : verdict.retryKey },
    action: '',
    evidence: [
      recognizedBy,
      statusEvidence(context),
      ...bodyEvidence(context),
      ...requestEvidence(context, profile),
      ...rateLimitEvidence(rateLimit),
      ...(wait === undefined ? [] : [wait.evidence]),
      ...signals,
      ...verdict.notes,
      { source: 'rule', detail: `${verdict.rule}: ${verdict.doc.title} › "${verdict.doc.section}"` },
    ],
    doc: verdict.doc,
  };
  if (context.idempotencyKey !== undefined) diagnosis.idempotency.keySent = context.idempotencyKey.value;
  if (profile.idempotency.header !== undefined) diagnosis.idempotency.header = profile.idempotency.header;
  if (profile.idempotency.advice !== undefined) diagnosis.idempotency.advice = profile.idempotency.advice;
  if (wait !== undefined) {
    diagnosis.retryAfterS = wait.seconds;
    diagnosis.waitSource = wait.source;
  }
  if (verdict.retry === 'conditional') diagnosis.condition = verdict.condition;
  if (retrying && verdict.backoff.capS !== undefined) diagnosis.backoffCapS = verdict.backoff.capS;
  if (retrying && verdict.maxAttempts !== undefined) diagnosis.maxAttempts = verdict.maxAttempts;
  if (error !== undefined) diagnosis.error = error;
  if (rateLimit !== undefined) diagnosis.rateLimit = rateLimit;
  const safe =
    verdict.retry === 'yes' && verdict.safeBecause !== undefined
      ? ` Safe to repeat: ${verdict.safeBecause}.`
      : '';
  diagnosis.action = headline(diagnosis, `${verdict.action.replace(/\.?$/, '.')}${safe}`);
  return diagnosis;
}
