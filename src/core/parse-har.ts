import type { Har } from './har.ts';

export type ParseHarResult = { ok: true; har: Har } | { ok: false; error: string };

/**
 * Parse HAR text without ever throwing: a file that is not a HAR gets one sentence saying why,
 * so the CLI can print it on one line and the panel can show it in its error state.
 */
export function parseHar(text: string): ParseHarResult {
  if (text.trim() === '') return { ok: false, error: 'the file is empty, expected a HAR (JSON) file' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `not a HAR file: the content is not valid JSON (${reason})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a HAR file: expected a JSON object with a "log" property' };
  const log = (value as { log?: unknown }).log;
  if (typeof log !== 'object' || log === null || Array.isArray(log))
    return { ok: false, error: 'not a HAR file: the JSON object has no "log" object' };
  const entries = (log as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return { ok: false, error: 'not a HAR file: "log.entries" is not an array' };
  return { ok: true, har: value as Har };
}
