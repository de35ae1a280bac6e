/**
 * `HH:MM:SS.mmm` in UTC: the list's time column. UTC because tickets and provider logs speak UTC
 * (DESIGN.md "Redaction and the ticket"), so what the list shows matches what support will see.
 */
export function formatClock(startedMs: number): string {
  if (!Number.isFinite(startedMs) || startedMs <= 0) return '—';
  return new Date(startedMs).toISOString().slice(11, 23);
}
