import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange, Header } from '../exchange.ts';
import { RedactionSession, redactPath } from '../redact/index.ts';
import { readRateLimit } from '../rate-limit/index.ts';
import { idempotencyKeyOf } from '../retry/index.ts';
import type { Attempt, Failure } from './attempt.ts';
import { credentialFingerprint } from './credential-fingerprint.ts';
import { hashText } from './hash-text.ts';
import { requestSignature } from './request-signature.ts';
import { serverWaitOf } from './server-wait-of.ts';

function hostAndPath(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host.toLowerCase(), path: parsed.pathname };
  } catch {
    return { host: '', path: url.split(/[?#]/, 1)[0] ?? '' };
  }
}

/**
 * Send and arrival time of an exchange. A HAR entry without `startedDateTime` has `startedMs` 0
 * (unknown); the panel then passes `now` (its clock when the finished request was reported) and
 * the send time is worked back from the duration. Without either, timing rules stay silent rather
 * than guess.
 */
function timesOf(exchange: Exchange, now: (() => number) | undefined): { startMs?: number; endMs?: number } {
  if (exchange.startedMs > 0)
    return { startMs: exchange.startedMs, endMs: exchange.startedMs + exchange.durationMs };
  if (now === undefined) return {};
  const endMs = now();
  return { startMs: endMs - exchange.durationMs, endMs };
}

/**
 * `METHOD host/path` for finding messages, which the CLI prints and users paste: the path goes
 * through the same detectors as a ticket's (an email or token in a path segment is replaced).
 * Built on first use, since most exchanges never appear in a finding.
 */
function lazyLabel(method: string, host: string, path: string): () => string {
  let label: string | undefined;
  return () => (label ??= `${method} ${host}${redactPath(path, new RedactionSession())}`);
}

/** Closes over the headers only: a stored attempt must not keep the exchange's bodies alive. */
function lazyCredentials(headers: readonly Header[]): () => string {
  let fingerprint: string | undefined;
  return () => (fingerprint ??= credentialFingerprint(headers));
}

function failureOf(diagnosis: Diagnosis): Failure {
  const { provider, providerName, retry, category, backoffS, jitter, doc, idempotency } = diagnosis;
  const failure: Failure = {
    provider,
    providerName,
    class: diagnosis.class,
    retry,
    category,
    backoffS,
    jitter,
    doc,
    idempotency,
  };
  if (diagnosis.backoffCapS !== undefined) failure.backoffCapS = diagnosis.backoffCapS;
  if (diagnosis.maxAttempts !== undefined) failure.maxAttempts = diagnosis.maxAttempts;
  return failure;
}

/** Everything the detectors look at, read once from one exchange. */
export function attemptOf(exchange: Exchange, diagnosis: Diagnosis | undefined, now?: () => number): Attempt {
  const method = exchange.method.toUpperCase();
  const { host, path } = hostAndPath(exchange.url);
  const rateLimit = readRateLimit(exchange.responseHeaders);
  const attempt: Attempt = {
    index: exchange.index,
    method,
    host,
    label: lazyLabel(method, host, path),
    signature: requestSignature(method, exchange.url, exchange.requestBody),
    credentials: lazyCredentials(exchange.requestHeaders),
    status: exchange.status,
    ...timesOf(exchange, now),
  };
  const key = idempotencyKeyOf(exchange.requestHeaders, diagnosis?.idempotency.header);
  if (key !== undefined) {
    attempt.idempotencyKey = hashText(key.value);
    attempt.idempotencyHeader = key.header;
  }
  if (diagnosis !== undefined) attempt.failure = failureOf(diagnosis);
  const wait = serverWaitOf(diagnosis);
  if (wait !== undefined) attempt.wait = wait;
  if (rateLimit !== undefined) attempt.rateLimit = rateLimit;
  return attempt;
}
