import type { Exchange } from '../exchange.ts';
import { safeDecode } from '../redact/safe-decode.ts';

function fromQueryOrPath(url: string, names: readonly string[]): { name: string; value: string } | undefined {
  const [beforeQuery = '', query = ''] = url.split('#')[0]?.split('?') ?? [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const name = safeDecode(pair.slice(0, eq), true);
    if (eq > 0 && names.includes(name)) return { name, value: safeDecode(pair.slice(eq + 1), true) };
  }
  // `/…/externalUserId/abc` or `;externalUserId=abc` (matrix parameter) in the path.
  const segments = beforeQuery.split('/').map((segment) => safeDecode(segment));
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    for (const name of names) {
      if (segment === name && segments[i + 1]) return { name, value: segments[i + 1] ?? '' };
      const matrix = segment.indexOf(`;${name}=`);
      if (matrix !== -1) return { name, value: segment.slice(matrix + name.length + 2).split(';')[0] ?? '' };
    }
  }
  return undefined;
}

/** The first field with one of `names` anywhere in a JSON body, when its value is a string or number. */
function fromJsonBody(body: string, names: readonly string[]): { name: string; value: string } | undefined {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    return undefined;
  }
  const stack: unknown[] = [root];
  let node: unknown;
  while ((node = stack.pop()) !== undefined) {
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (names.includes(key) && (typeof value === 'string' || typeof value === 'number'))
        return { name: key, value: String(value) };
      if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return undefined;
}

/**
 * The identifier the provider's support asks for (ranex.txt › "Talking to support": the
 * applicant's externalUserId; Persona's reference id), read from the URL or the request body —
 * only that one field's value, the body itself never reaches the ticket.
 */
export function supportIdentifierOf(
  exchange: Exchange,
  names: readonly string[],
): { name: string; value: string } | undefined {
  if (names.length === 0) return undefined;
  const found = fromQueryOrPath(exchange.url, names);
  if (found !== undefined) return found;
  const body = exchange.requestBody;
  if (body === undefined) return undefined;
  const json = fromJsonBody(body, names);
  if (json !== undefined) return json;
  return fromQueryOrPath(`?${body}`, names);
}
