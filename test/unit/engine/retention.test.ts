import { describe, expect, it } from 'vitest';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { HarEntry } from '../../../src/core/har.ts';
import { Fifo, StringPool, headOf, withCutBody } from '../../../src/core/retention.ts';

describe('headOf', () => {
  it('gives the first characters, and the text itself when it is short enough', () => {
    const text = 'é'.repeat(3000);
    expect(headOf(text, 2048)).toBe('é'.repeat(2048));
    expect(headOf('short', 2048)).toBe('short');
    expect(headOf(text, 0)).toBe('');
  });
});

describe('StringPool', () => {
  // Which instance a string is cannot be observed from JavaScript; what can is that every value
  // still reads the same, through nested objects and arrays, long strings included.
  it('leaves every value reading the same', () => {
    const pool = new StringPool(2);
    const entries = Array.from({ length: 5 }, (_, n) => ({
      headers: [{ name: 'User-Agent', value: `agent ${n % 2}` }],
      nested: { deep: [{ list: ['a', n, null, true] }] },
      body: 'y'.repeat(300),
    }));
    const before = JSON.stringify(entries);
    for (const entry of entries) pool.internIn(entry);
    expect(JSON.stringify(entries)).toBe(before);
  });

  it('leaves frozen objects and read-only properties alone instead of throwing', () => {
    const pool = new StringPool();
    const frozen = Object.freeze({ name: 'a' });
    const readOnly = Object.defineProperty({}, 'name', { value: 'b', writable: false, enumerable: true });
    expect(() => pool.internIn({ frozen, readOnly, list: ['c'] })).not.toThrow();
  });
});

describe('StringPool list items', () => {
  const entry = (n: number): HarEntry => ({
    request: {
      method: 'GET',
      url: `https://api.test/${n}`,
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Request-Number', value: String(n) },
        { name: 'Cookie', value: 'a=b', comment: 'three fields, all short' },
        { name: 'X-Nested', value: 'v', _detail: { kept: 'apart: not a leaf' } },
      ],
    },
    _initiator: {
      type: 'script',
      stack: { callFrames: [{ functionName: 'call', lineNumber: 3, columnNumber: 9 }] },
    },
  });

  it('shares one frozen object per repeated item, and leaves other items as they were', () => {
    const pool = new StringPool();
    const [a, b] = [entry(1), entry(2)];
    pool.internIn(a);
    pool.internIn(b);
    const [accept1, number1, cookie1, nested1] = a.request?.headers ?? [];
    const [accept2, number2, cookie2, nested2] = b.request?.headers ?? [];
    expect(accept1).toBe(accept2);
    expect(Object.isFrozen(accept1)).toBe(true);
    expect(cookie1).toBe(cookie2);
    expect(number1).not.toBe(number2);
    expect(nested1).not.toBe(nested2);
    expect(Object.isFrozen(nested1)).toBe(false);
    const frame = (e: HarEntry) => (e._initiator as { stack: { callFrames: unknown[] } }).stack.callFrames[0];
    expect(frame(a)).toBe(frame(b));
    expect(a).toEqual(entry(1));
    expect(b).toEqual(entry(2));
  });

  it('does not pool an item whose value is longer than the string limit', () => {
    const pool = new StringPool();
    const long = (): HarEntry => ({ request: { headers: [{ name: 'Cookie', value: 'c'.repeat(300) }] } });
    const [a, b] = [long(), long()];
    pool.internIn(a);
    pool.internIn(b);
    expect(a.request?.headers?.[0]).not.toBe(b.request?.headers?.[0]);
    expect(a).toEqual(long());
  });

  it('tells items apart whatever their characters and types', () => {
    const pool = new StringPool();
    const lists = [
      [{ name: 'ab', value: 'c' }],
      [{ name: 'a', value: 'bc' }],
      [{ name: 'a', value: '1' }],
      [{ name: 'a', value: 1 }],
      [{ name: 'a', value: true }],
      [{ name: 'a', value: 'true' }],
    ];
    const copies = structuredClone(lists);
    for (const list of lists) pool.internIn({ list });
    expect(lists).toEqual(copies);
    expect(lists.map((list) => typeof list[0]?.value)).toEqual([
      'string',
      'string',
      'string',
      'number',
      'boolean',
      'string',
    ]);
  });

  it("lets the Exchange share the entry's pooled headers instead of copying them", () => {
    const pool = new StringPool();
    const kept: HarEntry = {
      request: { headers: [{ name: 'Accept', value: '*/*' }] },
      response: {
        headers: [
          { name: 'A', value: 'b' },
          { name: 'C', value: 'd', comment: 'x' },
        ],
      },
    };
    pool.internIn(kept);
    const exchange = exchangeFromHarEntry(kept, 0);
    // Every header a plain pair: the list itself is shared.
    expect(exchange.requestHeaders).toBe(kept.request?.headers);
    // One with more fields: a list of its own, the plain pair shared, the other copied to its shape.
    expect(exchange.responseHeaders).not.toBe(kept.response?.headers);
    expect(exchange.responseHeaders[0]).toBe(kept.response?.headers?.[0]);
    expect(exchange.responseHeaders[1]).toEqual({ name: 'C', value: 'd' });
  });
});

describe('StringPool nested trees', () => {
  // Chromium's `_initiator` for a request made from a timer: its stack and one `parent` per async
  // hop (setTimeout here), as DevTools hands it out (CDP Runtime.StackTrace).
  const frame = (functionName: string, lineNumber: number) => ({
    functionName,
    scriptId: '5',
    url: 'http://127.0.0.1:4780/',
    lineNumber,
    columnNumber: 9,
  });
  const initiator = (hops: number, caller = 'call') => {
    let parent: Record<string, unknown> | undefined;
    for (let i = 0; i < hops; i++)
      parent = { description: 'setTimeout', callFrames: [frame('tick', 30)], ...(parent ? { parent } : {}) };
    return { type: 'script', stack: { callFrames: [frame(caller, 12)], ...(parent ? { parent } : {}) } };
  };
  const entry = (n: number, init: object): HarEntry => ({
    request: { method: 'GET', url: `https://api.test/${n}` },
    _initiator: init,
  });
  /** The object `depth` parents down the entry's initiator stack. */
  const parentAt = (e: HarEntry, depth: number): unknown => {
    let at = (e['_initiator'] as { stack: Record<string, unknown> }).stack;
    for (let i = 0; i < depth; i++) at = at['parent'] as Record<string, unknown>;
    return at;
  };

  it('shares an async stack deeper than the walk whole, frozen, and every entry reads the same', () => {
    const pool = new StringPool();
    const [a, b] = [entry(1, initiator(30)), entry(2, initiator(30))];
    const before = JSON.stringify([a, b]);
    pool.internIn(a);
    pool.internIn(b);
    expect(JSON.stringify([a, b])).toBe(before);
    // Past the walk's depth the two chains are one object, frozen through to the last parent.
    expect(parentAt(a, 4)).toBe(parentAt(b, 4));
    expect(Object.isFrozen(parentAt(b, 29))).toBe(true);
    // Above it each entry keeps objects of its own (they differ from entry to entry in real logs).
    expect(parentAt(a, 0)).not.toBe(parentAt(b, 0));
  });

  it('does not share chains that differ anywhere, and leaves a chain too large to key as it was', () => {
    const pool = new StringPool();
    const a = entry(1, initiator(30));
    const b = entry(2, initiator(31));
    pool.internIn(a);
    pool.internIn(b);
    expect(parentAt(a, 4)).not.toBe(parentAt(b, 4));
    expect(JSON.stringify(parentAt(b, 4))).not.toBe(JSON.stringify(parentAt(a, 4)));
    const huge = entry(3, initiator(5000));
    pool.internIn(huge);
    expect(Object.isFrozen(parentAt(huge, 4))).toBe(false);
  });
});

describe('withCutBody', () => {
  it('replaces the body, drops its encoding and marks the original size, leaving the entry as it was', () => {
    const entry: HarEntry = {
      response: {
        status: 500,
        content: { size: 9, mimeType: 'text/plain', text: 'aGVsbG8=', encoding: 'base64' },
      },
    };
    const before = structuredClone(entry);
    const cut = withCutBody(entry, 'hel', 5);
    expect(cut.response?.content).toEqual({
      size: 9,
      mimeType: 'text/plain',
      text: 'hel',
      _truncatedFrom: 5,
    });
    expect(cut.response?.status).toBe(500);
    expect(entry).toEqual(before);
  });

  it('keeps a content field named "__proto__" (as JSON.parse made it) as a field', () => {
    const entry = JSON.parse(
      '{"response":{"status":500,"content":{"__proto__":{"mimeType":"x"},"text":"abc"}}}',
    ) as HarEntry;
    const content = withCutBody(entry, 'a', 3).response?.content as Record<string, unknown>;
    expect(Object.keys(content)).toEqual(['__proto__', 'text', '_truncatedFrom']);
    expect(Object.getPrototypeOf(content)).toBe(Object.prototype);
  });
});

describe('Fifo', () => {
  it('evicts oldest first across compactions and replaces in place by offset', () => {
    const fifo = new Fifo<number>();
    for (let n = 0; n < 5000; n++) fifo.push(n);
    for (let n = 0; n < 4000; n++) expect(fifo.evictOldest()).toBe(n);
    expect(fifo.size).toBe(1000);
    expect(fifo.at(0)).toBe(4000);
    fifo.replaceAt(1, -1);
    fifo.replaceAt(5000, -2);
    expect(fifo.toArray().slice(0, 3)).toEqual([4000, -1, 4002]);
    expect(fifo.size).toBe(1000);
  });
});
