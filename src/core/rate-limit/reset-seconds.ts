import { durationSeconds } from './duration-seconds.ts';
import { firstNumber } from './first-number.ts';

// Without a Date header, anything past 2001-09-09 (1e9 s) cannot be a delay: it is an absolute
// time, which cannot be made relative without the server's clock.
const EPOCH_S_FLOOR = 1e9;

function durationOf(value: number, dateS: number | undefined): number | undefined {
  if (dateS === undefined) return value >= EPOCH_S_FLOOR ? undefined : value;
  // Relative to the server's clock: a value nearer to Date than to zero is an epoch, and one nearer
  // to Date×1000 is an epoch in milliseconds (GitHub sends seconds, some gateways milliseconds).
  if (value > dateS * 500) return value / 1000 - dateS;
  if (value > dateS / 2) return value - dateS;
  return value;
}

/**
 * A rate-limit reset value as seconds from the response, whatever the server meant by it: delta
 * seconds, epoch seconds, epoch milliseconds (told apart by magnitude against the response `Date`
 * header, `dateMs`), a Go-style duration (`6m0s`) or an HTTP-date. An absolute time with no `Date` header gives undefined: the
 * local clock is not the server's (and a HAR file may be read days later).
 */
export function resetSeconds(raw: string | undefined, dateMs: number | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const dateS = dateMs === undefined ? undefined : dateMs / 1000;
  const value = firstNumber(raw);
  if (value !== undefined && /^\s*[\d.]+\s*$/.test(raw)) {
    const seconds = durationOf(value, dateS);
    return seconds === undefined ? undefined : Math.max(0, Math.ceil(seconds));
  }
  const duration = durationSeconds(raw);
  if (duration !== undefined) return Math.ceil(duration);
  const atMs = Date.parse(raw);
  if (Number.isNaN(atMs) || dateMs === undefined) return undefined;
  return Math.max(0, Math.ceil((atMs - dateMs) / 1000));
}
