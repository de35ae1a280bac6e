// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText } from '../../../src/platform/download.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloads', () => {
  it('clicks an <a download> on an object URL of the text, then cleans up', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadText('session.har', '{"log":{}}', 'application/json');
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'session.har' }]);
    expect(await blobs[0]?.text()).toBe('{"log":{}}');
    expect(blobs[0]?.type).toBe('application/json');
    expect(document.querySelector('a[download]')).toBeNull();
    // Not at once: a large download is still reading from the URL after the click.
    vi.advanceTimersByTime(1000);
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoked).toHaveBeenCalledWith('blob:test/1');
  });

  it('downloads a Blob as it is (a sanitized HAR built from parts)', () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/2';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const blob = new Blob(['{"log":', '{"entries":[]}}'], { type: 'application/json' });
    downloadBlob('big.sanitized.har', blob);
    expect(blobs).toEqual([blob]);
  });
});
