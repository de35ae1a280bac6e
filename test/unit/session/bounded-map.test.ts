import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../../src/core/session/bounded-map.ts';

describe('BoundedMap', () => {
  it('forgets the least recently used key when full', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now more recent than b
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect([...map.values()]).toEqual([1, 3]);
  });

  it('does not grow when a key is set again', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 2);
    map.set('b', 3);
    expect(map.get('a')).toBe(2);
    expect(map.size).toBe(2);
  });
});
