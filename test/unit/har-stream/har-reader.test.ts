import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REMOVED_FIELD } from '../../../src/core/har-stream/index.ts';
import { chunksOf, fixtureBytes, readChunks, splitAt, utf8, type ReadOutcome } from './read-chunks.ts';

const FIXTURES = [
  'cli/mixed-providers.har',
  'cli/some-broken-entries.har',
  'classify/base64.har',
  'classify/graphql.har',
  'classify/persona.har',
  'classify/truncated.har',
];

function ok(outcome: ReadOutcome): Extract<ReadOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

function errorOf(text: string | Uint8Array): string {
  const outcome = readChunks([typeof text === 'string' ? utf8(text) : text]);
  if (outcome.ok) throw new Error('expected the reader to refuse the input');
  return outcome.error;
}

/** What JSON.parse makes of the whole text: the items, and the rest with an empty entries array. */
function expected(text: string): { items: unknown[]; rest: string } {
  const har = JSON.parse(text.replace(/^\uFEFF/, '')) as { log: { entries: unknown[] } };
  const items = har.log.entries;
  har.log.entries = [];
  return { items, rest: JSON.stringify(har) };
}

/** Arbitrary JSON text formatting of the same value: compact, indented by 2 or 4, tabs, CRLF. */
const layout = fc.constantFrom<(value: unknown) => string>(
  (value) => JSON.stringify(value),
  (value) => JSON.stringify(value, null, 2),
  (value) => JSON.stringify(value, null, '\t'),
  (value) => JSON.stringify(value, null, 4).replace(/\n/g, '\r\n'),
);

/** Entries with every kind of JSON value inside, strings with escapes and characters of 1–4 UTF-8 bytes. */
const entry = fc.record({
  startedDateTime: fc.constant('2026-11-20T10:00:00.000Z'),
  request: fc.record({ method: fc.constantFrom('GET', 'POST'), url: fc.webUrl() }),
  response: fc.record({
    status: fc.constantFrom(200, 404, 429, 503, 0),
    content: fc.record({ mimeType: fc.constant('application/json'), text: fc.string({ unit: 'grapheme' }) }),
  }),
  _custom: fc.jsonValue({ maxDepth: 4 }),
});

const har = fc.record({
  log: fc.record({
    version: fc.constant('1.2'),
    creator: fc.record({ name: fc.string(), version: fc.string() }),
    entries: fc.array(fc.oneof({ weight: 8, arbitrary: entry }, fc.jsonValue({ maxDepth: 2 })), {
      maxLength: 8,
    }),
    _extra: fc.jsonValue({ maxDepth: 2 }),
  }),
  comment: fc.string({ unit: 'grapheme' }),
});

describe('HarReader against JSON.parse', () => {
  it.each(FIXTURES)('%s read one byte at a time gives every item and the rest of the file', (name) => {
    const bytes = fixtureBytes(name);
    const { items, rest } = expected(new TextDecoder().decode(bytes));
    for (const chunks of [[bytes], chunksOf(bytes, 1), chunksOf(bytes, 7)]) {
      const read = ok(readChunks(chunks));
      expect(read.items.map((item) => item.value)).toEqual(items);
      expect(read.items.map((item) => item.index)).toEqual(items.map((_item, index) => index));
      expect(JSON.stringify(read.skeleton)).toBe(rest);
    }
  });

  it('property: any HAR in any layout, cut anywhere (inside strings, escapes, multi-byte characters)', () => {
    fc.assert(
      fc.property(har, layout, fc.array(fc.nat(), { maxLength: 40 }), (value, format, cuts) => {
        const text = format(value);
        const bytes = utf8(text);
        const read = ok(
          readChunks(
            splitAt(
              bytes,
              cuts.map((cut) => cut % (bytes.length + 1)),
            ),
          ),
        );
        const want = expected(text);
        expect(read.items.map((item) => item.value)).toEqual(want.items);
        expect(JSON.stringify(read.skeleton)).toBe(want.rest);
        for (const item of read.items)
          expect(item.problem === undefined).toBe(
            typeof item.value === 'object' && item.value !== null && !Array.isArray(item.value),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the file order of the log and root keys, entries wherever they are', () => {
    const text = '{"b":1,"log":{"z":1,"entries":[{"a":1}],"a":2,"0":3},"a":[2]}';
    const read = ok(readChunks(chunksOf(utf8(text), 3)));
    expect(JSON.stringify(read.skeleton)).toBe(expected(text).rest);
    expect(Object.keys(read.skeleton.log)).toEqual(['0', 'z', 'entries', 'a']);
  });

  it('defines a "__proto__" key as data, as JSON.parse does', () => {
    const read = ok(readChunks([utf8('{"__proto__":{"x":1},"log":{"__proto__":2,"entries":[]}}')]));
    expect(Object.getPrototypeOf(read.skeleton)).toBe(Object.prototype);
    expect(Object.keys(read.skeleton)).toEqual(['__proto__', 'log']);
    expect(Object.keys(read.skeleton.log)).toEqual(['__proto__', 'entries']);
  });

  it('reads UTF-8 with a byte-order mark, and UTF-16 in either byte order when a mark names it', () => {
    const text = '{"log":{"entries":[{"request":{"url":"https://é.example/€/𝄞"}}]}}';
    const utf16 = (littleEndian: boolean): Uint8Array => {
      const out = new Uint8Array(2 + text.length * 2);
      const view = new DataView(out.buffer);
      view.setUint16(0, 0xfeff, littleEndian);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
      return out;
    };
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), utf16(true), utf16(false)]) {
      const read = ok(readChunks(chunksOf(bytes, 3)));
      expect(read.items.map((item) => item.value)).toEqual(JSON.parse(text).log.entries);
    }
  });
});

describe('HarReader on broken items', () => {
  it('skips an item that is not valid JSON, keeping the indexes of the others', () => {
    const read = ok(readChunks([utf8('{"log":{"entries":[{"a":1},{"b":tru},null,{"c":3},[1,2]]}}')]));
    expect(read.items.map((item) => [item.index, item.problem?.replace(/ \(.*/, '')])).toEqual([
      [0, undefined],
      [1, 'is not valid JSON'],
      [2, 'is not an entry object'],
      [3, undefined],
      [4, 'is not an entry object'],
    ]);
    expect(read.items[3]?.value).toEqual({ c: 3 });
  });
});

describe('HarReader on input that is not a HAR', () => {
  it.each([
    ['an empty file', '  \n', /^the file is empty/],
    ['a JSON array', '[1]', /expected a JSON object with a "log" property/],
    ['an object without log', '{"a":1}', /no "log" object/],
    ['log that is not an object', '{"log":[]}', /no "log" object/],
    ['entries that are not an array', '{"log":{"entries":{}}}', /"log\.entries" is not an array/],
    ['two logs', '{"log":{"entries":[]},"log":{"entries":[]}}', /more than one "log"/],
    [
      'a file cut short',
      '{"log":{"entries":[{"a":1},{"b":',
      /ends inside log\.entries\[1\]: was it cut short/,
    ],
    ['data after the JSON', '{"log":{"entries":[]}} x', /after the end of the JSON/],
    ['a missing comma', '{"log":{"entries":[{"a":1} {"b":2}]}}', /expected ',' or '\]' between entries/],
    ['plain text', 'hello', /not valid JSON \(unexpected 'h' at byte 0\)/],
  ])('%s: one sentence saying so', (_name, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('names a compressed file, UTF-16 without a mark, binary data and text in another encoding', () => {
    expect(errorOf(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]))).toMatch(/gzip-compressed: decompress it first/);
    expect(errorOf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatch(/ZIP archive; unzip it/);
    const le = new Uint8Array([...utf8('{"log":{}}')].flatMap((byte) => [byte, 0]));
    expect(errorOf(le)).toMatch(/UTF-16LE text without a byte-order mark; .*iconv -f UTF-16LE -t UTF-8/);
    const be = new Uint8Array([...utf8('{"log":{}}')].flatMap((byte) => [0, byte]));
    expect(errorOf(be)).toMatch(/UTF-16BE text without a byte-order mark/);
    expect(errorOf(new Uint8Array([0x7b, 0x00, 0x7d, 0x01, 0x02]))).toMatch(/binary, expected JSON text/);
    const latin1 = new Uint8Array([...utf8('{"log":{"entries":[{"a":"caf'), 0xe9, ...utf8('"}]}}')]);
    expect(errorOf(latin1)).toMatch(
      /not valid UTF-8 text \(byte 0xE9 at offset 28\); .*iconv -f WINDOWS-1252 -t UTF-8/,
    );
  });
});

describe('HarReader limits: memory bounded by the largest kept item, no recursion', () => {
  const withBody = (body: string): string =>
    `{"log":{"entries":[{"request":{"url":"https://a.example/"},"response":{"status":500,"content":{"mimeType":"image/png","encoding":"base64","text":"${body}"}}},{"n":2}]}}`;

  it('replaces a string longer than the limit by a placeholder with its size, said in the entry', () => {
    const body = 'QUJD'.repeat(5000);
    for (const chunks of [[utf8(withBody(body))], chunksOf(utf8(withBody(body)), 1000)]) {
      const read = ok(readChunks(chunks, { maxStringBytes: 1000 }));
      const first = read.items[0];
      const entry = first?.value as { response: { content: { text: string } } } & Record<string, unknown>;
      expect(entry.response.content.text).toBe(
        '[api-error-inspector removed a 20002-byte string: too long to hold]',
      );
      // The placeholder is not base64: the encoding that described the removed body goes with it.
      expect(entry.response.content).toEqual({ mimeType: 'image/png', text: entry.response.content.text });
      const removed = [{ path: 'response.content.text', bytes: 20002, reason: 'string-too-long' }];
      expect(entry[REMOVED_FIELD]).toEqual({ removed });
      expect(first?.removed).toEqual(removed);
      expect(read.items[1]?.value).toEqual({ n: 2 });
    }
  });

  it('reads an entry nested 100,000 levels deep, the deep part replaced, its siblings kept', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"log":{"entries":[{"_custom":{"a":${deep},"b":"kept"},"response":{"status":404}},{"n":2}]}}`;
    const read = ok(readChunks(chunksOf(utf8(text), 4096), { maxDepth: 50 }));
    const entry = read.items[0]?.value as { _custom: { a: unknown; b: string }; response: unknown };
    expect(entry._custom.b).toBe('kept');
    expect(entry.response).toEqual({ status: 404 });
    // The arrays are kept down to the limit (the entry's own braces are level 1), then the placeholder.
    let node: unknown = entry._custom.a;
    let levels = 3;
    while (Array.isArray(node)) [node, levels] = [node[0], levels + 1];
    expect(levels).toBe(51);
    expect(node).toMatch(/^\[api-error-inspector removed a \d+-byte value nested deeper than 50 levels\]$/);
    expect(read.items[0]?.removed?.[0]).toMatchObject({ reason: 'nested-too-deep' });
    expect(read.items[0]?.removed?.[0]?.path).toMatch(/^_custom\.a(\[0\])+…$/);
    expect(read.items[1]?.value).toEqual({ n: 2 });
  });

  it('replaces the member that makes an item too large, and the whole item when no member can go', () => {
    const frames = Array.from({ length: 400 }, (_, i) => ({ type: 'receive', data: `frame ${i}` }));
    const big = JSON.stringify({ request: { url: 'https://a.example/ws' }, _webSocketMessages: frames });
    const flat = JSON.stringify(
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'v'.repeat(20)])),
    );
    const text = `{"log":{"entries":[${big},${flat},{"n":3}]}}`;
    const read = ok(readChunks(chunksOf(utf8(text), 256), { maxItemBytes: 4096 }));
    const ws = read.items[0]?.value as { request: unknown; _webSocketMessages: unknown };
    expect(ws.request).toEqual({ url: 'https://a.example/ws' });
    expect(ws._webSocketMessages).toMatch(/the entry was too large to hold/);
    expect(read.items[1]?.problem).toMatch(/^is \d+ bytes, too large to hold$/);
    expect(read.items[2]?.value).toEqual({ n: 3 });
  });
});
