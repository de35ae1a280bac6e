import type { Diagnosis } from '../diagnosis.ts';

/** The parts of a Diagnosis that say whether and when to resend. */
export type RetryFacts = Pick<
  Diagnosis,
  'retry' | 'retryAfterS' | 'waitSource' | 'backoffS' | 'backoffCapS' | 'maxAttempts' | 'jitter' | 'condition'
>;

const DEFAULT_CONDITION = 'repeating it is harmless';

function attempts(f: RetryFacts): string | undefined {
  return f.maxAttempts === undefined ? undefined : `at most ${f.maxAttempts} attempts in all`;
}

/** The documented schedule in words: `1, 2, 4 s (with jitter, each wait at most 30 s, at most 3 attempts in all)`. */
export function scheduleText(f: RetryFacts): string | undefined {
  if (f.backoffS.length === 0) return undefined;
  const notes = [
    f.jitter ? 'with jitter' : undefined,
    f.backoffCapS === undefined ? undefined : `each wait at most ${f.backoffCapS} s`,
    attempts(f),
  ].filter((note) => note !== undefined);
  return `${f.backoffS.join(', ')} s${notes.length === 0 ? '' : ` (${notes.join(', ')})`}`;
}

/**
 * When to resend, decided in one place from the verdict, the server's wait and the schedule: a
 * server-given delay beats the schedule (it is what the server will enforce), a `no` has no timing
 * at all. Undefined for `no`.
 */
export function resendPhrase(f: RetryFacts): string | undefined {
  if (f.retry === 'no') return undefined;
  if (f.retryAfterS !== undefined) {
    const limit = attempts(f);
    return `resend after ${f.retryAfterS} s (${f.waitSource ?? 'server-given'})${limit === undefined ? '' : `, ${limit}`}`;
  }
  const schedule = scheduleText(f);
  return schedule === undefined ? 'resend now' : `resend with backoff of ${schedule}`;
}

/** The verdict and its timing on one line (the panel's Retry line, the ticket's retry facts). */
export function retryLine(f: RetryFacts): string {
  const when = resendPhrase(f);
  if (when === undefined) return 'no: do not resend it unchanged';
  if (f.retry === 'conditional') return `only if ${f.condition ?? DEFAULT_CONDITION}: ${when}`;
  return `yes: ${when}`;
}

const sentence = (text: string): string => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * The headline action: when to resend (exactly as `retryLine` says it), then the provider's advice.
 * The advice never carries timing itself, so the two cannot contradict each other.
 */
export function headline(f: RetryFacts, advice: string): string {
  const when = resendPhrase(f);
  if (when === undefined) return sentence(advice);
  const lead = f.retry === 'conditional' ? `Only if ${f.condition ?? DEFAULT_CONDITION}: ${when}` : when;
  return `${sentence(lead)} ${sentence(advice)}`;
}
