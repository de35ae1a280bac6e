import type { Diagnosis } from '../diagnosis.ts';
import type { Exchange } from '../exchange.ts';
import { buildTicket } from '../ticket/index.ts';
import type { TriageEntry } from './triage-report.ts';

/** One failed exchange as the CLI reports it; the object literal fixes the contract's key order. */
export function triageEntry(exchange: Exchange, diagnosis: Diagnosis): TriageEntry {
  return {
    index: exchange.index,
    method: exchange.method,
    status: exchange.status,
    provider: diagnosis.provider,
    class: diagnosis.class,
    category: diagnosis.category,
    retry: diagnosis.retry,
    retry_after_s: diagnosis.retryAfterS ?? null,
    backoff_s: [...diagnosis.backoffS],
    action: diagnosis.action,
    ticket: buildTicket(exchange, diagnosis).text,
  };
}
