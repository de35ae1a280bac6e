import type { DemoReply } from './demo-scenario.ts';

/** A JSON answer with the given status (pretty-printed so the panel's body view reads easily). */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): DemoReply {
  return {
    kind: 'respond',
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value, null, 2),
  };
}
