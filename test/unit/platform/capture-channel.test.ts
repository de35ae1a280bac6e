import { describe, expect, it, vi } from 'vitest';
import { CaptureHub } from '../../../src/platform/capture/index.ts';
import {
  connectCapture,
  type CaptureBatch,
  type CaptureEvent,
  type CaptureLimits,
} from '../../../src/platform/capture-channel.ts';
import { LIMITS as BASE_LIMITS, channel, received } from './real-channels.ts';

const entry = (n: number): CaptureEvent => ({
  type: 'entry',
  entry: { request: { url: `https://a.test/${n}` } },
});
const LIMITS: CaptureLimits = {
  ...BASE_LIMITS,
  maxSuccesses: 10,
  maxBodyChars: 1000,
  maxRetainedBodyChars: 100_000,
};
const urls = (batches: CaptureBatch[]) => received(batches, (url) => url);

describe('capture channel between the devtools page and the panel', () => {
  it('hands over what was captured before the panel, then streams live events in order', async () => {
    const hub = new CaptureHub(channel());
    hub.emit(entry(1));
    hub.emit({ type: 'navigated', url: 'https://page.test/' });
    const batches: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]?.initial).toBe(true);
    hub.emit(entry(2));
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(urls(batches)).toEqual(['https://a.test/1', 'nav:https://page.test/', 'https://a.test/2']);
    expect(hub.buffer.limits()).toEqual(LIMITS);
  });

  it('buffers again once the panel says bye, for the next panel document', async () => {
    const hub = new CaptureHub(channel());
    const first: CaptureBatch[] = [];
    const connection = connectCapture(channel(), LIMITS, (b) => first.push(b));
    await vi.waitFor(() => expect(first).toHaveLength(1));
    connection.close();
    await vi.waitFor(() => expect(hub.buffer.attached).toBe(false));
    hub.emit(entry(3));
    const second: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => second.push(b));
    await vi.waitFor(() => expect(urls(second)).toContain('https://a.test/3'));
  });

  it('passes limit changes to the devtools page', async () => {
    const hub = new CaptureHub(channel());
    const batches: CaptureBatch[] = [];
    const connection = connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    connection.setLimits({ ...LIMITS, maxFailures: 200 });
    await vi.waitFor(() => expect(hub.buffer.limits()).toEqual({ ...LIMITS, maxFailures: 200 }));
  });

  it('repeats the hello until a devtools page that started late answers', async () => {
    const batches: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => batches.push(b), { retryMs: 5 });
    const hub = new CaptureHub(channel());
    hub.emit(entry(4));
    await vi.waitFor(() => expect(urls(batches)).toEqual(['https://a.test/4']));
  });

  it('reports when no devtools page ever answers', async () => {
    let unanswered = false;
    connectCapture(channel(9), LIMITS, () => undefined, {
      retryMs: 1,
      maxRetries: 2,
      onUnanswered: () => (unanswered = true),
    });
    await vi.waitFor(() => expect(unanswered).toBe(true));
  });

  it('keeps two inspected tabs apart', async () => {
    const other = new CaptureHub(channel(2));
    other.emit(entry(5));
    new CaptureHub(channel(1)).emit(entry(6));
    const batches: CaptureBatch[] = [];
    connectCapture(channel(1), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(urls(batches)).toEqual(['https://a.test/6']);
  });

  it('sends a burst of live events as a few batches, in order, the first at once', async () => {
    const hub = new CaptureHub(channel(), { coalesceMs: 60_000 });
    const batches: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    for (let n = 0; n < 50; n++) hub.emit(entry(n));
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(urls(batches)).toEqual(['https://a.test/0']);
    // The rest waits for the coalescing window, or goes first when a new panel says hello.
    connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(urls(batches)).toHaveLength(50));
    expect(urls(batches)).toEqual(Array.from({ length: 50 }, (_, n) => `https://a.test/${n}`));
  });

  it('keeps events not sent yet for the next panel when the panel says bye', async () => {
    const hub = new CaptureHub(channel(), { coalesceMs: 60_000 });
    const first: CaptureBatch[] = [];
    const connection = connectCapture(channel(), LIMITS, (b) => first.push(b));
    await vi.waitFor(() => expect(first).toHaveLength(1));
    hub.emit(entry(1));
    await vi.waitFor(() => expect(urls(first)).toEqual(['https://a.test/1']));
    hub.emit(entry(2));
    connection.close();
    await vi.waitFor(() => expect(hub.buffer.attached).toBe(false));
    const second: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => second.push(b));
    await vi.waitFor(() => expect(second).toHaveLength(1));
    expect(urls(first)).toEqual(['https://a.test/1']);
    expect(urls(second)).toEqual(['https://a.test/2']);
  });

  it('hands a large buffer over in parts, in order, only the first marked initial', async () => {
    const hub = new CaptureHub(channel());
    for (let n = 0; n < 1200; n++) hub.emit(entry(n));
    const batches: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(urls(batches)).toHaveLength(1200));
    expect(batches.map((b) => [b.initial, b.events.length])).toEqual([
      [true, 200],
      [false, 200],
      [false, 200],
      [false, 200],
      [false, 200],
      [false, 200],
    ]);
    expect(urls(batches)).toEqual(Array.from({ length: 1200 }, (_, n) => `https://a.test/${n}`));
  });

  it('cuts a message once its bodies reach 128 Ki characters', async () => {
    const hub = new CaptureHub(channel());
    const body = 'b'.repeat(40 * 1024);
    for (let n = 0; n < 10; n++) {
      const event = entry(n);
      if (event.type === 'entry') event.entry.response = { status: 500, content: { text: body } };
      hub.emit(event);
    }
    const batches: CaptureBatch[] = [];
    connectCapture(channel(), LIMITS, (b) => batches.push(b));
    await vi.waitFor(() => expect(urls(batches)).toHaveLength(10));
    // 40 Ki characters each: the fourth body crosses 128 Ki and ends a message.
    expect(batches.map((b) => b.events.length)).toEqual([4, 4, 2]);
  });
});
