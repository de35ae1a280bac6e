/** Milliseconds as seconds for a message: `0.25 s`, `3 s`, `1.5 s` (at most two decimals). */
export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 10) / 100;
  return `${seconds} s`;
}
