import type { Evidence, RateLimitInfo } from '../diagnosis.ts';
import { isIdempotentMethod } from '../retry/is-idempotent-method.ts';
import type { RuleContext, Verdict } from './profile.ts';

function statusEvidence(context: RuleContext): Evidence {
  if (context.status !== 0) return { source: 'status', detail: `HTTP ${context.status}` };
  return { source: 'status', detail: `no response (${context.exchange.networkError ?? 'network error'})` };
}

function bodyEvidence(context: RuleContext): Evidence[] {
  const error = context.error;
  if (error === undefined) return [];
  const code = error.code ?? error.type;
  return [{ source: 'body', detail: `${error.format} body${code === undefined ? '' : `, code ${code}`}` }];
}

function requestEvidence(context: RuleContext): Evidence[] {
  const kind = isIdempotentMethod(context.method) ? 'idempotent' : 'not idempotent';
  const evidence: Evidence[] = [{ source: 'method', detail: `${context.method} is ${kind} by HTTP` }];
  const key = context.idempotencyKey;
  evidence.push({
    source: 'header',
    detail: key === undefined ? 'no Idempotency-Key sent' : `${key.header} sent`,
  });
  return evidence;
}

function rateLimitEvidence(rateLimit: RateLimitInfo | undefined): Evidence[] {
  if (rateLimit === undefined) return [];
  const figures = [`remaining ${rateLimit.remaining ?? '?'}`, `limit ${rateLimit.limit ?? '?'}`];
  if (rateLimit.resetS !== undefined) figures.push(`reset ${rateLimit.resetS} s`);
  return [{ source: 'header', detail: `${rateLimit.dialect}: ${figures.join(', ')}` }];
}

/** Everything that decided a Diagnosis, in reading order: what came in, then the rule applied. */
export function diagnosisEvidence(
  context: RuleContext,
  verdict: Verdict,
  rateLimit: RateLimitInfo | undefined,
  extra: readonly Evidence[],
): Evidence[] {
  return [
    statusEvidence(context),
    ...bodyEvidence(context),
    ...requestEvidence(context),
    ...rateLimitEvidence(rateLimit),
    ...extra,
    ...(verdict.notes ?? []),
    { source: 'rule', detail: `${verdict.rule}: ${verdict.doc.file} › "${verdict.doc.section}"` },
  ];
}
