import { afterEach } from 'vitest';
import {
  captureChannelName,
  type CaptureBatch,
  type CaptureChannel,
  type CaptureLimits,
} from '../../../src/platform/capture-channel.ts';

// Real BroadcastChannels (Node has them too): the transport the devtools page and the panel use.
// Each test file that imports this closes the channels it opened after every test.
const open: CaptureChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** One end of the capture channel of `tab`. */
export function channel(tab = 1): CaptureChannel {
  const c = new BroadcastChannel(captureChannelName(tab)) as unknown as CaptureChannel;
  open.push(c);
  return c;
}

/** Generous limits: nothing is dropped unless a test asks for less. */
export const LIMITS: CaptureLimits = {
  maxFailures: 100,
  maxSuccesses: 100,
  maxBodyChars: 10_000,
  maxRetainedBodyChars: 1_000_000,
};

/** What the panel received, in order: each entry's URL path (or full URL), `nav` for a navigation. */
export function received(batches: CaptureBatch[], show = (url: string) => new URL(url).pathname): string[] {
  return batches.flatMap((b) =>
    b.events.map((e) => (e.type === 'entry' ? show(e.entry.request?.url ?? '') : `nav:${e.url}`)),
  );
}
