import { describe, expect, it } from 'vitest';
import { Fifo, StringPool, headOf } from '../../../src/core/retention.ts';

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
