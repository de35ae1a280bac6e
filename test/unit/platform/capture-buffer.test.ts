import { describe, expect, it } from 'vitest';
import { CaptureBuffer } from '../../../src/platform/capture/capture-buffer.ts';
import type { CaptureEvent } from '../../../src/platform/capture/capture-message.ts';

const entry = (n: number): CaptureEvent => ({
  type: 'entry',
  entry: { request: { url: `https://a.test/${n}` } },
});
const urls = (events: CaptureEvent[]) =>
  events.map((e) => (e.type === 'entry' ? e.entry.request?.url : `nav:${e.url}`));

describe('CaptureBuffer', () => {
  it('buffers events in order until the panel attaches, then hands them over once', () => {
    const buffer = new CaptureBuffer();
    expect(buffer.push(entry(1))).toBeUndefined();
    buffer.push({ type: 'navigated', url: 'https://page.test/' });
    buffer.push(entry(2));
    const batch = buffer.attach({ maxExchanges: 10, maxBodyChars: 100 });
    expect(batch.initial).toBe(true);
    expect(urls(batch.events)).toEqual(['https://a.test/1', 'nav:https://page.test/', 'https://a.test/2']);
    expect(buffer.attach({ maxExchanges: 10, maxBodyChars: 100 }).events).toEqual([]);
  });

  it('passes events straight through while attached and buffers again after detach', () => {
    const buffer = new CaptureBuffer();
    buffer.attach({ maxExchanges: 10, maxBodyChars: 100 });
    expect(buffer.push(entry(1))).toEqual(entry(1));
    buffer.detach();
    expect(buffer.push(entry(2))).toBeUndefined();
    expect(urls(buffer.attach({ maxExchanges: 10, maxBodyChars: 100 }).events)).toEqual(['https://a.test/2']);
  });

  it('evicts the oldest entries beyond the limit and counts them', () => {
    const buffer = new CaptureBuffer();
    buffer.attach({ maxExchanges: 2, maxBodyChars: 100 });
    buffer.detach();
    for (const n of [1, 2, 3, 4]) buffer.push(entry(n));
    const batch = buffer.attach({ maxExchanges: 2, maxBodyChars: 100 });
    expect(urls(batch.events)).toEqual(['https://a.test/3', 'https://a.test/4']);
    expect(batch.dropped).toBe(2);
  });

  it('applies the limits the panel sent', () => {
    const buffer = new CaptureBuffer();
    buffer.attach({ maxExchanges: 3, maxBodyChars: 42 });
    expect(buffer.limits()).toEqual({ maxExchanges: 3, maxBodyChars: 42 });
  });
});
