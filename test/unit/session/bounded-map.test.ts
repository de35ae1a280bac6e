import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../../src/core/session/bounded-map.ts';

describe('BoundedMap', () => {
  it('forgets the least recently written key when full', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10); // writing a makes it more recent than b
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect([...map.values()]).toEqual([10, 3]);
  });

  it('does not refresh a key on read (detectors write back what they read)', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('a')).toBeUndefined();
    expect([...map.values()]).toEqual([2, 3]);
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
