import type { Diagnosis, Evidence, ProviderId } from './diagnosis.ts';
import type { Exchange } from './exchange.ts';
import { readErrorBody } from './formats/read-error-body.ts';
import { diagnosisEvidence } from './profiles/diagnosis-evidence.ts';
import { generic } from './profiles/generic.ts';
import type { Verdict } from './profiles/profile.ts';
import { recognizeProfile } from './profiles/recognize-profile.ts';
import { ruleContextOf } from './profiles/rule-context-of.ts';
import { urlParts } from './profiles/url-parts.ts';
import { verdictFor } from './profiles/verdict-for.ts';
import { readRateLimit } from './rate-limit/read-rate-limit.ts';
import { serverWait } from './retry/server-wait.ts';
import { shouldRetryOverride } from './retry/should-retry-override.ts';

export interface ClassifyOptions {
  /** Host -> profile mapping from the user's settings; keys are lower-case hostnames. */
  hostMap?: Readonly<Record<string, ProviderId>>;
}

/** Provider-independent server signals layered over the profile's verdict. */
function withServerSignals(exchange: Exchange, verdict: Verdict, isGeneric: boolean): [Verdict, Evidence[]] {
  const override = isGeneric ? shouldRetryOverride(exchange.responseHeaders) : undefined;
  if (override === undefined || override.retry === verdict.retry)
    return [verdict, override ? [override.evidence] : []];
  return [{ ...verdict, retry: override.retry }, [override.evidence]];
}

/**
 * Classify one exchange by its provider's documented policy (DESIGN.md "The documented policy"):
 * which provider, what kind of failure, whether and when to retry, and what decided each part.
 * Total over every Exchange: body readers never throw and only read bounded, fixed paths.
 */
export function classify(exchange: Exchange, options: ClassifyOptions = {}): Diagnosis {
  const error = readErrorBody(exchange);
  const url = urlParts(exchange.url);
  const { profile, recognizedBy } = recognizeProfile(exchange, error, options.hostMap, url.hosts);
  const context = ruleContextOf(exchange, error, url.path);
  const [verdict, signals] = withServerSignals(exchange, verdictFor(profile, context), profile === generic);
  const rateLimit = readRateLimit(exchange.responseHeaders);
  const wait = serverWait(exchange.responseHeaders, context.status, error, rateLimit);
  const diagnosis: Diagnosis = {
    provider: profile.id,
    recognizedBy,
    class: verdict.class,
    category: verdict.category,
    retry: verdict.retry,
    backoffS: verdict.retry === 'no' ? [] : [...verdict.backoffS],
    jitter: verdict.retry !== 'no' && verdict.jitter,
    idempotency: { retryKey: verdict.retryKey },
    action: verdict.action,
    evidence: [
      recognizedBy,
      ...diagnosisEvidence(context, verdict, rateLimit, [...signals, ...(wait ? [wait.evidence] : [])]),
    ],
    doc: verdict.doc,
  };
  if (context.idempotencyKey !== undefined) diagnosis.idempotency.keySent = context.idempotencyKey.value;
  if (wait !== undefined) diagnosis.retryAfterS = wait.seconds;
  if (verdict.retry !== 'no' && verdict.backoffCapS !== undefined)
    diagnosis.backoffCapS = verdict.backoffCapS;
  if (verdict.retry !== 'no' && verdict.maxAttempts !== undefined)
    diagnosis.maxAttempts = verdict.maxAttempts;
  if (error !== undefined) diagnosis.error = error;
  if (rateLimit !== undefined) diagnosis.rateLimit = rateLimit;
  return diagnosis;
}
