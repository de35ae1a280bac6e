import { CaptureBuffer } from './capture-buffer.ts';
import type { CaptureChannel, CaptureEvent, CaptureMessage, PanelMessage } from './capture-message.ts';

/**
 * The devtools page's end of the capture channel: answers the panel's hello with everything
 * buffered so far, then forwards each event as it happens; buffers again after the panel's bye.
 */
export class CaptureHub {
  readonly buffer = new CaptureBuffer();
  readonly #channel: CaptureChannel;

  constructor(channel: CaptureChannel) {
    this.#channel = channel;
    channel.onmessage = (event: MessageEvent) => this.#receive(event.data as PanelMessage);
  }

  emit(event: CaptureEvent): void {
    const live = this.buffer.push(event);
    if (live) this.#post({ type: 'batch', batch: { initial: false, events: [live], dropped: 0 } });
  }

  #receive(message: PanelMessage): void {
    if (message.type === 'hello') this.#post({ type: 'batch', batch: this.buffer.attach(message.limits) });
    else if (message.type === 'limits') this.buffer.setLimits(message.limits);
    else if (message.type === 'bye') this.buffer.detach();
  }

  #post(message: CaptureMessage): void {
    this.#channel.postMessage(message);
  }
}
