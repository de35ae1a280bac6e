/**
 * Error bodies are small; anything larger is a data response or a dump, and parsing it on every
 * failure would dominate triage time. Bodies above this are read by `readTruncatedJson` instead.
 */
export const MAX_JSON_PARSE_CHARS = 1_000_000;

/**
 * JSON.parse that never throws and skips text that cannot be a JSON object or array. V8's parser is
 * iterative, so `[[[[…` 100,000 levels deep is safe here; callers still only read fixed paths
 * (and `boundedCopy` for anything kept), never walk the result recursively.
 */
export function parseJsonBody(text: string | undefined): unknown {
  if (text === undefined || text.length > MAX_JSON_PARSE_CHARS) return undefined;
  const start = firstNonSpace(text);
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstNonSpace(text: string): string | undefined {
  const match = /\S/.exec(text.slice(0, 1024));
  return match?.[0];
}
