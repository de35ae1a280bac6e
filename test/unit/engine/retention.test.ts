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

describe('StringPool name/value pairs', () => {
  const entry = (n: number): HarEntry => ({
    request: {
      method: 'GET',
      url: `https://api.test/${n}`,
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Request-Number', value: String(n) },
        { name: 'Cookie', value: 'a=b', comment: 'kept apart: it has more than a name and a value' },
      ],
    },
  });

  it('shares one frozen object per repeated pair, and leaves other pairs as they were', () => {
    const pool = new StringPool();
    const [a, b] = [entry(1), entry(2)];
    pool.internIn(a);
    pool.internIn(b);
    const [accept1, number1, cookie1] = a.request?.headers ?? [];
    const [accept2, number2, cookie2] = b.request?.headers ?? [];
    expect(accept1).toBe(accept2);
    expect(Object.isFrozen(accept1)).toBe(true);
    expect(number1).not.toBe(number2);
    expect(cookie1).not.toBe(cookie2);
    expect(Object.isFrozen(cookie1)).toBe(false);
    expect(a).toEqual(entry(1));
    expect(b).toEqual(entry(2));
  });

  it('does not pool a pair whose value is longer than the string limit', () => {
    const pool = new StringPool();
    const long = (): HarEntry => ({ request: { headers: [{ name: 'Cookie', value: 'c'.repeat(300) }] } });
    const [a, b] = [long(), long()];
    pool.internIn(a);
    pool.internIn(b);
    expect(a.request?.headers?.[0]).not.toBe(b.request?.headers?.[0]);
    expect(a).toEqual(long());
  });

  it('keeps one table entry per pair even when a name is a prefix of another', () => {
    const pool = new StringPool();
    const a: HarEntry = { request: { headers: [{ name: 'ab', value: 'c' }] } };
    const b: HarEntry = { request: { headers: [{ name: 'a', value: 'bc' }] } };
    pool.internIn(a);
    pool.internIn(b);
    expect(a.request?.headers?.[0]).toEqual({ name: 'ab', value: 'c' });
    expect(b.request?.headers?.[0]).toEqual({ name: 'a', value: 'bc' });
  });

  it("lets the Exchange share the entry's pooled header objects instead of copying them", () => {
    const pool = new StringPool();
    const kept = entry(3);
    pool.internIn(kept);
    const exchange = exchangeFromHarEntry(kept, 0);
    expect(exchange.requestHeaders[0]).toBe(kept.request?.headers?.[0]);
    // A pair with more fields is copied to the Exchange's shape.
    expect(exchange.requestHeaders[2]).toEqual({ name: 'Cookie', value: 'a=b' });
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
