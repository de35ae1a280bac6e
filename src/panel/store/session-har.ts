import type { Har } from '../../core/har.ts';
import type { SessionRecord } from './session-record.ts';

/**
 * The kept HAR entries as one HAR log, in start order like the Network panel's own export: the
 * browser reports requests as they finish, and a failure with no response can be reported before
 * slower requests that started earlier.
 */
export function sessionHar(records: readonly SessionRecord[], version: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'API Error Inspector', version },
      entries: [...records].sort((a, b) => a.exchange.startedMs - b.exchange.startedMs).map((r) => r.entry),
    },
  };
}
