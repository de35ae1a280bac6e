/**
 * Redaction cost, measured side by side in one run as CPU time (process.cpuUsage), against a
 * bare JSON.parse of the realistic body (issue 9 "Cost"):
 *   - a realistic ~5 MB JSON list body, and a denser one (personal data on every record), through
 *     the whole sanitize path (sanitizeHar of a HAR holding the body: judging pass + writing pass),
 *     target <= 2x JSON.parse of the same text; and the same bodies through HarSanitizer as a
 *     streaming host drives it (the CLI's sanitize, the panel's export): pass 2 reads each body
 *     again as a new string, and finds the scan pass 1 kept of the same text while the kept scans
 *     hold less than STREAMED_SCAN_ROOM characters; past that room (a HAR of hundreds of MB) the
 *     writing pass scans each body again — the hardest path, reported as "past the kept-scan room";
 *   - a payments list in the shape of Stripe's Charge object (paymentsListBody), pretty-printed:
 *     the hardest realistic body, a vendor's real shape with a generated id in every other value,
 *     measured whole and streamed;
 *   - hostile ~1 MB bodies (shapes built to make a careless pattern backtrack or rescan), through
 *     the same path, each text shape as a text/plain body and inside one JSON string (decoded,
 *     judged and re-encoded: often the dearer), and the hostile JSON structures, as a ratio per MB
 *     to JSON.parse of the realistic body, target <= 30x (aim 10x).
 * The worst hostile shape is printed next to the realistic body. A benchmark prints; it does not fail.
 * Each iteration measures JSON.parse and the sanitize path back to back, and the ratio is the
 * median of the iterations' ratios: on a machine shared with other work, load that comes and goes
 * then moves both sides of a ratio together. (No forced garbage collection between them: a full
 * collection before each run made the sanitize path 2-3x slower, which no real run pays.)
 *   npm run bench:redact
 */
import type { Har } from '../../src/core/har.ts';
import { HarSanitizer, sanitizeHar, type HarSkeleton } from '../../src/core/redact/index.ts';
import { asRead, HOSTILE_JSON_SHAPES, HOSTILE_SHAPES } from '../fixtures/redact/hostile-shapes.ts';
import { listBody, paymentsListBody } from '../fixtures/redact/list-body.ts';

const TARGET_BYTES = 5 * 1024 * 1024;
const HOSTILE_BYTES = 1024 * 1024;
const ITERATIONS = 9;
/**
 * Untimed runs of each workload (and of its JSON.parse) before its timed ones: the first runs of a
 * path pay for compiling it and for growing the heap (on this machine 3-6x a later run), and the
 * first row measured absorbed that alone, reading up to ~40 % dearer than the same path measured later
 * in the same run. A cost paid once per process is not a cost per megabyte.
 */
const WARMUP = 3;

/** A one-entry HAR whose response body is `text`: what the sanitize path really walks. */
function harWith(text: string, mimeType: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'bench', version: '1' },
      entries: [
        {
          startedDateTime: '2026-11-22T05:00:00.000Z',
          time: 1,
          request: {
            method: 'GET',
            url: 'https://api.example.test/v1/list',
            headers: [],
            queryString: [],
            cookies: [],
          },
          response: {
            status: 200,
            statusText: 'OK',
            headers: [],
            cookies: [],
            content: { size: text.length, mimeType, text: asRead(text) },
            redirectURL: '',
          },
          timings: { send: 0, wait: 1, receive: 0 },
        },
      ],
    },
  };
}

/** What a streaming host does: both passes entry by entry, each reading its own copy of the entries. */
function streamedWith(har: Har, options: { scanRoom?: number }): Har {
  const sanitizer = new HarSanitizer(options);
  const skeleton: HarSkeleton = { ...har, log: { ...har.log, entries: [] } };
  for (const entry of read(har, 0)) sanitizer.observeEntry(entry);
  sanitizer.observeRest(skeleton);
  const out = sanitizer.sanitizeRest(skeleton);
  out.log.entries = read(har, 1).map((entry) => sanitizer.sanitizeEntry(entry)) as Har['log']['entries'];
  return out;
}

/**
 * The entries as a streaming host reads them: new objects and new body strings in each pass (a
 * kept scan is found by the body's text, not by the string object the first pass saw). Made before
 * the measurement (reading the file is the host's cost, not the sanitizer's): two copies per HAR.
 */
const copies = new Map<Har, [Har['log']['entries'], Har['log']['entries']]>();

function read(har: Har, pass: 0 | 1): Har['log']['entries'] {
  let pair = copies.get(har);
  if (pair === undefined) {
    const copy = (): Har['log']['entries'] =>
      har.log.entries.map((entry) => {
        const content = entry.response?.content;
        if (content?.text === undefined) return { ...entry };
        // A new string with the same characters (not the same object, nor a slice of it), flat as
        // the streaming reader's JSON.parse makes it.
        const text = asRead(content.text);
        return { ...entry, response: { ...entry.response, content: { ...content, text } } } as typeof entry;
      });
    pair = [copy(), copy()];
    copies.set(har, pair);
  }
  return pair[pass];
}

const sanitizeStreamed = (har: Har): Har => streamedWith(har, {});
const sanitizeStreamedPastRoom = (har: Har): Har => streamedWith(har, { scanRoom: 0 });

function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * JSON.parse of `reference` and the sanitize path of `har`, back to back in each iteration:
 * medians of CPU time, and the median of the per-iteration ratios of redact to parse.
 */
function measure(
  reference: string,
  har: Har,
  sanitize: (har: Har) => Har = sanitizeHar,
): { parseMs: number; redactMs: number; ratio: number; freshRatio: number } {
  const parse: number[] = [];
  const redact: number[] = [];
  const ratios: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    JSON.parse(reference);
    sanitize(har);
  }
  for (let i = 0; i < ITERATIONS; i++) {
    const parseMs = cpuMs(() => JSON.parse(reference));
    let text = '';
    const redactMs = cpuMs(() => {
      const out = sanitize(har);
      // Searching the output makes V8 flatten a concatenated result, so it is paid for here.
      text = out.log.entries[0]?.response?.content?.text ?? '';
      if (text.includes('sk_live_bbbb')) throw new Error('a planted key survived redaction');
    });
    // What any transform that writes a new body pays before doing any work: one fresh flat string
    // of the output's length (a slice joined to one character, flattened by the search). A string
    // this large lives in V8's large-object space, whose memory is mapped afresh and touched page
    // by page; on this sandboxed machine that costs ~4 ns per byte, where JSON.parse's many small
    // strings reuse the young generation's pages.
    const freshMs = cpuMs(() => `${text.slice(1)}.`.includes('sk_live_bbbb'));
    parse.push(parseMs);
    redact.push(redactMs);
    ratios.push(redactMs / Math.max(parseMs, 0.01));
    fresh.push(freshMs / Math.max(parseMs, 0.01));
  }
  return {
    parseMs: median(parse),
    redactMs: median(redact),
    ratio: median(ratios),
    freshRatio: median(fresh),
  };
}

const realisticBody = asRead(listBody(TARGET_BYTES, false));
const denseBody = asRead(listBody(TARGET_BYTES, true));
const paymentsBody = asRead(paymentsListBody(TARGET_BYTES));
const mb = (text: string): number => text.length / 1024 / 1024;

console.log(
  `redact bench: CPU time, median of ${ITERATIONS} after ${WARMUP} untimed runs (ratio: median of per-iteration ratios), sanitize path = sanitizeHar (two passes)`,
);
const rows: {
  label: string;
  size: number;
  parseMs: number;
  redactMs: number;
  ratio: number;
  freshRatio: number;
}[] = [];
for (const [label, body, sanitize] of [
  ['realistic list body (personal data on 1 record in 10)', realisticBody, sanitizeHar],
  ['dense body (personal data on every record)', denseBody, sanitizeHar],
  ['realistic body, streamed (CLI/panel)', realisticBody, sanitizeStreamed],
  ['dense body, streamed (CLI/panel)', denseBody, sanitizeStreamed],
  ['realistic body, streamed past the kept-scan room', realisticBody, sanitizeStreamedPastRoom],
  ['payments list body (Stripe Charge shape, pretty-printed)', paymentsBody, sanitizeHar],
  ['payments list body, streamed (CLI/panel)', paymentsBody, sanitizeStreamed],
] as const) {
  const har = harWith(body, 'application/json');
  if (sanitize !== sanitizeHar) read(har, 0);
  const { parseMs, redactMs, ratio, freshRatio } = measure(body, har, sanitize);
  rows.push({ label, size: mb(body), parseMs, redactMs, ratio, freshRatio });
}

// The hostile shapes are compared per MB with JSON.parse of ~1 MB of the realistic list, as valid JSON.
const reference = asRead(listBody(HOSTILE_BYTES, false, 7));
const hostile: { label: string; size: number; parseMs: number; redactMs: number; ratio: number }[] = [];
// Each text shape as a text body and inside one JSON string (decoded, judged, re-encoded: often
// the dearer of the two), and the shapes whose JSON structure is the hostile part.
const hostileBodies: [string, string, string][] = [
  ...Object.entries(HOSTILE_SHAPES).flatMap(([label, make]): [string, string, string][] => {
    const text = make(HOSTILE_BYTES);
    return [
      [label, text, 'text/plain'],
      [`${label} (in a JSON string)`, JSON.stringify({ note: text }), 'application/json'],
    ];
  }),
  ...Object.entries(HOSTILE_JSON_SHAPES).map(([label, make]): [string, string, string] => [
    `${label} (JSON)`,
    make(HOSTILE_BYTES),
    'application/json',
  ]),
];
for (const [label, text, mimeType] of hostileBodies) {
  const { parseMs, redactMs, ratio } = measure(reference, harWith(text, mimeType));
  const perMb = (ratio * mb(reference)) / mb(text);
  hostile.push({ label, size: mb(text), parseMs, redactMs, ratio: perMb });
}

const fmt = (row: {
  label: string;
  size: number;
  parseMs: number;
  redactMs: number;
  ratio: number;
}): string =>
  `${row.label.padEnd(58)} ${row.size.toFixed(2).padStart(5)} MB  parse ${row.parseMs.toFixed(1).padStart(6)} ms  redact ${row.redactMs.toFixed(1).padStart(7)} ms  ${row.ratio.toFixed(2).padStart(6)}x`;
console.log(
  '\nrealistic bodies (ratio to JSON.parse of the same text; target <= 2x); "fresh string": what making one new string of the output\'s length costs, in the same ratio, inside the redact figure',
);
for (const row of rows) console.log(`  ${fmt(row)}  fresh string ${row.freshRatio.toFixed(2)}x`);
console.log(
  '\nhostile ~1 MB bodies: text shapes as text and inside one JSON string, and hostile JSON structures (ratio per MB of body to JSON.parse of a realistic 1 MB body; target <= 30x, aim 10x)',
);
for (const row of [...hostile].sort((a, b) => b.ratio - a.ratio)) console.log(`  ${fmt(row)}`);
const worst = hostile.reduce((a, b) => (b.ratio > a.ratio ? b : a));
const realistic = rows[0];
console.log(
  `\nworst hostile shape: ${worst.label} ${worst.ratio.toFixed(1)}x per MB  |  realistic 5 MB body ${realistic?.ratio.toFixed(2)}x (of which its output string's memory ${realistic?.freshRatio.toFixed(2)}x)  |  dense ${rows[1]?.ratio.toFixed(2)}x  |  streamed: realistic ${rows[2]?.ratio.toFixed(2)}x, dense ${rows[3]?.ratio.toFixed(2)}x, past the kept-scan room ${rows[4]?.ratio.toFixed(2)}x  |  hardest realistic, payments (Stripe-shaped) ${rows[5]?.ratio.toFixed(2)}x, streamed ${rows[6]?.ratio.toFixed(2)}x`,
);
