/**
 * Redaction cost on a ~5 MB realistic JSON body versus a bare JSON.parse of the same text,
 * measured side by side in one run (issue 4 "Benchmark": target <= 2x). The redaction path is the
 * one a sanitized HAR export takes for a JSON body (redactJsonText: one key-aware scan of the text,
 * changed values re-encoded). A second, denser body (personal data on every record, ~60,000
 * placeholders) is measured against the same target and reported separately.
 *   npm run bench:redact
 */
import { redactJsonText } from '../../src/core/redact/redact-json-text.ts';
import { RedactionSession } from '../../src/core/redact/redaction-session.ts';

const TARGET_BYTES = 5 * 1024 * 1024;
const ITERATIONS = 9;
const WORDS =
  'the applicant uploaded a document and the verification is pending review by the compliance team before approval'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers so every run measures the same document. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Personal fields, on every record in the dense body and on one in ten in the realistic one. */
function person(i: number): Record<string, unknown> {
  return {
    first_name: `Name${i}`,
    last_name: `Surname${i}`,
    email: `person${i}@mail-${i % 97}.example`,
    phone: `+44 20 7946 ${String(i % 10000).padStart(4, '0')}`,
    address: { street: `${i} High Street`, city: 'London', postcode: 'SW1A 1AA', country: 'GB' },
  };
}

/** One record of a paginated list API (an inquiry/applicant-like resource with its events). */
function record(i: number, random: () => number, dense: boolean): Record<string, unknown> {
  const words = Array.from({ length: 12 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  const planted = i % 500 === 0 ? { api_key: `sk_${'live'}_${'b'.repeat(24)}${i}` } : {};
  return {
    id: `app_${(100000 + i).toString(36)}${Math.floor(random() * 1e9).toString(36)}`,
    object: 'applicant',
    created_at: new Date(1_763_000_000_000 + i * 61_000).toISOString(),
    status: ['pending', 'approved', 'declined'][i % 3],
    external_user_id: `usr_${i}`,
    ...(dense || i % 10 === 0 ? { customer: person(i) } : {}),
    description: words,
    note:
      i % 50 === 0
        ? `customer wrote from ${i % 250}.12.34.56 and asked about card 4242 4242 4242 4242`
        : words,
    tags: ['kyc', 'web', i % 2 === 0 ? 'priority' : 'standard'],
    amount: Math.floor(random() * 100000),
    currency: 'USD',
    verified: i % 4 === 0,
    score: Math.round(random() * 1000) / 1000,
    events: [
      { type: 'created', at: new Date(1_763_000_000_000 + i * 1000).toISOString(), actor: 'system' },
      { type: 'document.uploaded', at: new Date(1_763_000_100_000 + i * 1000).toISOString(), actor: 'api' },
    ],
    metadata: { source: 'signup-form', campaign: `spring-${i % 12}`, ...planted },
  };
}

function buildBody(dense: boolean): string {
  const random = generator(42);
  const data: Record<string, unknown>[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const item = record(i, random, dense);
    size += JSON.stringify(item).length + 1;
    data.push(item);
  }
  return JSON.stringify({ data, has_more: true, request_id: 'req_01HF3Z2ABCDEF' });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Figures {
  parseMs: number;
  redactMs: number;
}

/** Parse and redact the same text alternately, several times, and keep the medians. */
function measure(body: string): Figures {
  const parseTimes: number[] = [];
  const redactTimes: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    let start = performance.now();
    JSON.parse(body);
    parseTimes.push(performance.now() - start);
    start = performance.now();
    const output = redactJsonText(body, new RedactionSession()) ?? '';
    // Inside the timing on purpose: searching the output makes V8 flatten it if it was built by
    // concatenation, so the figure includes materialising the whole redacted text.
    const leaked = output.includes('sk_live_');
    redactTimes.push(performance.now() - start);
    if (leaked) throw new Error('a planted key survived redaction');
  }
  return { parseMs: median(parseTimes), redactMs: median(redactTimes) };
}

function report(label: string, body: string): number {
  const { parseMs, redactMs } = measure(body);
  const ratio = redactMs / parseMs;
  console.log(`${label}: ${(body.length / 1024 / 1024).toFixed(2)} MB, median of ${ITERATIONS}`);
  console.log(
    `  JSON.parse ${parseMs.toFixed(1)} ms | redact (sanitize path) ${redactMs.toFixed(1)} ms | ${ratio.toFixed(2)}x`,
  );
  return ratio;
}

const verdict = (ratio: number): string => `${ratio <= 2 ? 'OK' : 'OVER'} (${ratio.toFixed(2)}x)`;
const realistic = report(
  'realistic list body (personal data on 1 record in 10, keys planted every 500)',
  buildBody(false),
);
const dense = report('dense body (personal data on every record)', buildBody(true));
console.log(`target <= 2x: realistic ${verdict(realistic)}, dense ${verdict(dense)}`);
