/**
 * A random search for hostile shapes (issue 9 "Cost"): texts made of one short unit repeated,
 * after a short prefix, the units and prefixes drawn from pieces that open a detector's candidate
 * (key names, schemes, key prefixes, separators, quotes, escapes, digits). Each is sanitized as a
 * text body and inside a JSON string at 32 KiB and 256 KiB; a shape is printed when its cost per
 * MB of body passes LIMIT times JSON.parse of the realistic 1 MB list bench:redact uses, or when its cost grows more than
 * GROWTH times between the two sizes (linear work grows ~8x). The fixed shapes in
 * test/fixtures/redact/hostile-shapes.ts came from such runs; a shape printed here belongs there,
 * with the fix for its class. Deterministic for a seed; a benchmark prints, it does not fail.
 *   npm run bench:redact-fuzz                  (120 s, seed 1)
 *   FUZZ_SECONDS=600 FUZZ_SEED=7 npm run bench:redact-fuzz
 */
import { sanitizeHar } from '../../src/core/redact/index.ts';
import { fastestCpuMs, harWithBody } from '../fixtures/redact/hostile-shapes.ts';
import { listBody } from '../fixtures/redact/list-body.ts';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 120);
const LIMIT = 30;
const GROWTH = 16;
const SMALL = 32 * 1024;
const LARGE = 256 * 1024;

const PIECES = [
  'password=',
  'pwd="',
  'api_key',
  'token',
  'secret',
  'name',
  'email',
  'code=',
  'AccountKey=',
  'value="',
  'curl -u ',
  'Bearer ',
  'Basic ',
  'Authorization: ',
  '00:1a:',
  '1BvBMSEY',
  'http://',
  'https://a.b/',
  'hooks.slack.com/services/',
  'data:image/png;base64,',
  'bot123:',
  'sk_live_',
  'sk-',
  'ghp_',
  'AKIA',
  'eyJ',
  'xoxb-',
  '-----BEGIN ',
  'PRIVATE KEY',
  '"',
  "'",
  '@',
  '.',
  ':',
  '=',
  ' ',
  '-',
  '_',
  '/',
  '?',
  '&',
  '#',
  '%40',
  '\\',
  '\n',
  '<',
  '>',
  '[',
  ']',
  '{"',
  '":"',
  '",',
  '1',
  '12',
  '1234',
  '4242 ',
  '+44 ',
  '192.168.',
  '::',
  'born ',
  '1987-03-14',
  'DE89',
  'GB',
  'ab',
  'Xa9',
  'é',
];

let seed = Number(process.env.FUZZ_SEED ?? 1);
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
function pieces(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += PIECES[Math.floor(random() * PIECES.length)] ?? '';
  return out;
}

/** JSON.parse of ~1 MB of the realistic list, per MB: the reference of bench:redact. */
const referenceText = listBody(1024 * 1024, false, 7);
function parsePerMb(): number {
  return fastestCpuMs(() => JSON.parse(referenceText), 3) / (referenceText.length / 1024 / 1024);
}

const deadline = Date.now() + SECONDS * 1000;
let reference = parsePerMb();
let tried = 0;
let printed = 0;
console.log(
  `redact fuzz: seed ${seed}, ${SECONDS} s; printing shapes over ${LIMIT}x JSON.parse per MB or growing over ${GROWTH}x from 32 KiB to 256 KiB`,
);
while (Date.now() < deadline) {
  const prefix = pieces(Math.floor(random() * 3));
  const unit = pieces(1 + Math.floor(random() * 4));
  const make = (size: number): string => prefix + unit.repeat(Math.max(1, Math.floor(size / unit.length)));
  for (const mimeType of ['text/plain', 'application/json']) {
    const body = (size: number): string =>
      mimeType === 'text/plain' ? make(size) : JSON.stringify({ note: make(size) });
    const small = harWithBody(body(SMALL), mimeType);
    const largeText = body(LARGE);
    const large = harWithBody(largeText, mimeType);
    sanitizeHar(small);
    const smallMs = fastestCpuMs(() => sanitizeHar(small), 3);
    const largeMs = fastestCpuMs(() => sanitizeHar(large), 3);
    // Per MB of the body as sanitized (a JSON string spells a quote or a backslash with two characters).
    const perMb = largeMs / (largeText.length / 1024 / 1024);
    tried++;
    if (tried % 50 === 0) reference = Math.min(reference, parsePerMb());
    const ratio = perMb / reference;
    if (ratio > LIMIT || largeMs / smallMs > GROWTH) {
      printed++;
      console.log(
        `  ${ratio.toFixed(1).padStart(6)}x per MB  growth ${(largeMs / smallMs).toFixed(1).padStart(5)}x  ${mimeType.padEnd(16)} prefix ${JSON.stringify(prefix)} unit ${JSON.stringify(unit)}`,
      );
    }
  }
}
console.log(`${tried} shapes tried, ${printed} printed (JSON.parse: ${reference.toFixed(1)} ms per MB)`);
