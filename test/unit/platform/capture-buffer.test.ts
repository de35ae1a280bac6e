import { describe, expect, it } from 'vitest';
import { BODY_HEAD_CHARS } from '../../../src/core/engine/index.ts';
import { CaptureBuffer } from '../../../src/platform/capture/index.ts';
import type { CaptureEvent, CaptureLimits } from '../../../src/platform/capture-channel.ts';

const entry = (n: number, failed = true, body?: string): CaptureEvent => ({
  type: 'entry',
  entry: {
    request: { url: `https://a.test/${n}` },
    response: { status: failed ? 500 : 200, content: body === undefined ? {} : { text: body } },
  },
  failed,
});
const urls = (events: CaptureEvent[]) =>
  events.map((e) => (e.type === 'entry' ? e.entry.request?.url : `nav:${e.url}`));
const limits = (more: Partial<CaptureLimits> = {}): CaptureLimits => ({
  maxFailures: 10,
  maxSuccesses: 10,
  maxBodyChars: 100_000,
  maxRetainedBodyChars: 1_000_000,
  ...more,
});
/** A buffer that already knows `more`, detached again so it buffers. */
function buffering(more: Partial<CaptureLimits> = {}): CaptureBuffer {
  const buffer = new CaptureBuffer();
  buffer.attach(limits(more));
  buffer.detach();
  return buffer;
}

describe('CaptureBuffer', () => {
  it('buffers events in order until the panel attaches, then hands them over once', () => {
    const buffer = new CaptureBuffer();
    expect(buffer.push(entry(1))).toBeUndefined();
    buffer.push({ type: 'navigated', url: 'https://page.test/' });
    buffer.push(entry(2));
    const batch = buffer.attach(limits());
    expect(batch.initial).toBe(true);
    expect(urls(batch.events)).toEqual(['https://a.test/1', 'nav:https://page.test/', 'https://a.test/2']);
    expect(buffer.attach(limits()).events).toEqual([]);
  });

  it('passes events straight through while attached and buffers again after detach', () => {
    const buffer = new CaptureBuffer();
    buffer.attach(limits());
    expect(buffer.push(entry(1))).toEqual(entry(1));
    buffer.detach();
    expect(buffer.push(entry(2))).toBeUndefined();
    expect(urls(buffer.attach(limits()).events)).toEqual(['https://a.test/2']);
  });

  it('keeps failures first: successes only push out successes, and drops are counted by kind', () => {
    const buffer = buffering({ maxFailures: 3, maxSuccesses: 2 });
    for (let n = 0; n < 20; n++) buffer.push(entry(n, n % 4 === 0));
    const batch = buffer.attach(limits());
    expect(urls(batch.events)).toEqual([8, 12, 16, 18, 19].map((n) => `https://a.test/${n}`));
    expect(batch.dropped).toEqual({ failures: 2, successes: 13, trimmedBodies: 0 });
  });

  it('cuts the oldest failure bodies to their head past the body budget, keeping every failure', () => {
    const big = 'x'.repeat(10_000);
    const buffer = buffering({ maxRetainedBodyChars: 30_000 });
    for (let n = 0; n < 5; n++) buffer.push(entry(n, true, big));
    const { events, dropped } = buffer.attach(limits());
    const lengths = events.map((e) => (e.type === 'entry' ? e.entry.response?.content?.text?.length : 0));
    expect(lengths).toEqual([BODY_HEAD_CHARS, BODY_HEAD_CHARS, BODY_HEAD_CHARS, 10_000, 10_000]);
    expect(events[0]?.type === 'entry' && events[0].entry.response?.content?.['_truncatedFrom']).toBe(10_000);
    expect(dropped).toEqual({ failures: 0, successes: 0, trimmedBodies: 3 });
  });

  it('keeps a navigation between the entries it separates when entries around it are evicted', () => {
    const buffer = buffering({ maxFailures: 1, maxSuccesses: 0 });
    buffer.push(entry(1));
    buffer.push({ type: 'navigated', url: 'https://page.test/next' });
    buffer.push(entry(2, false));
    buffer.push(entry(3));
    expect(urls(buffer.attach(limits()).events)).toEqual(['nav:https://page.test/next', 'https://a.test/3']);
  });

  it('applies the limits the panel sent', () => {
    const buffer = new CaptureBuffer();
    buffer.attach(limits({ maxFailures: 3 }));
    expect(buffer.limits()).toMatchObject({ maxFailures: 3 });
  });

  it('holds no more than the limits, however long DevTools stays open before the panel', () => {
    const buffer = buffering({ maxFailures: 50, maxSuccesses: 50 });
    for (let n = 0; n < 20_000; n++) buffer.push(entry(n, n % 2 === 0));
    const batch = buffer.attach(limits());
    expect(batch.events).toHaveLength(100);
    expect(batch.dropped).toMatchObject({ failures: 9_950, successes: 9_950 });
  });
});
