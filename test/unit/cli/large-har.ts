import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A HAR larger than V8's longest string (~512 MiB), generated as a stream of byte chunks so the test
 * itself never holds it: filler entries carry a 1 MiB script body (sanitize keeps it, so its output
 * is as large), every 50th entry is a Persona 429 the report must list, and entry 1 carries one huge
 * base64 image body (a 200 MB video in a real capture) that no reader may hold.
 */
export interface LargeHarPlan {
  entries: number;
  /** Indexes of the 429s, the failures triage must list. */
  failures: number[];
  /** Index of the entry with the huge body. */
  hugeIndex: number;
  bytes: number;
}

const encoder = new TextEncoder();
const MiB = 1 << 20;
const BASE64_CHUNK = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(29_128).slice(0, MiB);
/** 32 characters of JSON text (`\\n` is an escaped newline), so a MiB holds whole lines. */
const SCRIPT_CHUNK = 'function add(a, b){return a+b}\\n'.repeat(MiB / 32);

function started(index: number): string {
  return new Date(Date.parse('2026-11-20T10:00:00.000Z') + index * 2000).toISOString();
}

function failure(index: number): string {
  return JSON.stringify({
    startedDateTime: started(index),
    time: 40,
    request: { method: 'POST', url: 'https://api.withpersona.com/api/v1/inquiries', headers: [] },
    response: {
      status: 429,
      statusText: 'Too Many Requests',
      headers: [{ name: 'Retry-After', value: '1' }],
      content: { mimeType: 'application/json', text: '{"errors":[{"title":"Rate limit exceeded"}]}' },
    },
  });
}

/** An entry whose response body is `bodyChunks` MiB of a script or of a base64 image, written as pieces. */
function* assetEntry(index: number, bodyChunks: number, image: boolean): Generator<Uint8Array> {
  const content = image
    ? { mimeType: 'image/png', encoding: 'base64', text: '' }
    : { mimeType: 'text/javascript', text: '' };
  const head = JSON.stringify({
    startedDateTime: started(index),
    time: 12,
    request: { method: 'GET', url: `https://cdn.example.test/assets/${index}`, headers: [] },
    response: { status: 200, headers: [], content },
  });
  // Split the serialised entry at its empty "text" and stream the body between the halves.
  const cut = head.lastIndexOf('""') + 1;
  yield encoder.encode(head.slice(0, cut));
  const body = encoder.encode(image ? BASE64_CHUNK : SCRIPT_CHUNK);
  for (let i = 0; i < bodyChunks; i++) yield body;
  yield encoder.encode(head.slice(cut));
}

export function* largeHar(
  targetBytes: number,
  hugeBodyMiB: number,
  plan: LargeHarPlan,
): Generator<Uint8Array> {
  const emit = function* (chunk: Uint8Array): Generator<Uint8Array> {
    plan.bytes += chunk.length;
    yield chunk;
  };
  yield* emit(
    encoder.encode('{"log":{"version":"1.2","creator":{"name":"large-har.ts","version":"1"},"entries":[\n'),
  );
  let index = 0;
  while (plan.bytes < targetBytes || index < 3) {
    if (index > 0) yield* emit(encoder.encode(',\n'));
    if (index % 50 === 0) {
      plan.failures.push(index);
      yield* emit(encoder.encode(failure(index)));
    } else if (index === plan.hugeIndex)
      for (const piece of assetEntry(index, hugeBodyMiB, true)) yield* emit(piece);
    else for (const piece of assetEntry(index, 1, false)) yield* emit(piece);
    index++;
  }
  plan.entries = index;
  yield* emit(encoder.encode('\n]}}\n'));
}

export function emptyPlan(): LargeHarPlan {
  return { entries: 0, failures: [], hugeIndex: 1, bytes: 0 };
}

/** Write the large HAR to `path` chunk by chunk. */
export function writeLargeHar(path: string, targetBytes: number, hugeBodyMiB: number): LargeHarPlan {
  const plan = emptyPlan();
  const fd = openSync(path, 'w');
  try {
    for (const chunk of largeHar(targetBytes, hugeBodyMiB, plan)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return plan;
}
