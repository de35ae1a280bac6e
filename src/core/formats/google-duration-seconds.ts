import { asRecord } from './as-record.ts';

/**
 * A protobuf Duration as Google's JSON mapping writes it (`"30s"`, `"1.5s"`) or as an object
 * (`{seconds, nanos}`), in seconds.
 */
export function googleDurationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const seconds = Number(record['seconds'] ?? 0);
  const nanos = Number(record['nanos'] ?? 0);
  return Number.isFinite(seconds) && Number.isFinite(nanos) ? seconds + nanos / 1e9 : undefined;
}
