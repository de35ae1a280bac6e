// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '../../../src/platform/copy-text.ts';

afterEach(() => vi.restoreAllMocks());

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await expect(copyText('ticket')).resolves.toBe('clipboard-api');
    expect(write).toHaveBeenCalledWith('ticket');
  });

  it('falls back to execCommand on a selected textarea, and removes it', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    let copied = '';
    document.execCommand = vi.fn(() => {
      copied =
        (document.activeElement as HTMLTextAreaElement | null)?.value ??
        document.querySelector('textarea')?.value ??
        '';
      return true;
    });
    await expect(copyText('ticket')).resolves.toBe('exec-command');
    expect(copied).toBe('ticket');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('reports failure when both paths fail', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    document.execCommand = vi.fn(() => false);
    await expect(copyText('ticket')).resolves.toBe('failed');
  });
});
