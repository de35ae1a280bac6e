// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../../src/platform/download-text.ts';

afterEach(() => vi.restoreAllMocks());

describe('downloadText', () => {
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
    await vi.waitFor(() => expect(revoked).toHaveBeenCalledWith('blob:test/1'));
  });
});
