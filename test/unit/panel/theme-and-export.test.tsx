// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { parseHar } from '../../../src/core/parse-har.ts';
import { mountPanel, settle } from './mount-panel.tsx';
import { NOT_FOUND, OK, PERSONA_429 } from './har-entries.ts';

afterEach(cleanup);

describe('theme', () => {
  it('follows the DevTools theme and its changes', async () => {
    const { platform } = await mountPanel([], (p) => p.setTheme('dark'));
    expect(document.documentElement.dataset['theme']).toBe('dark');
    await settle(() => platform.setTheme('light'));
    expect(document.documentElement.dataset['theme']).toBe('light');
  });
});

describe('sanitized HAR export', () => {
  it('downloads every kept entry, sanitized, as a valid HAR', async () => {
    // Reported in finishing order; exported in start order.
    const { platform } = await mountPanel([OK, NOT_FOUND, PERSONA_429]);
    await settle(() => fireEvent.click(screen.getByTestId('export-har')));
    // Written by the HAR worker as Blob parts.
    await waitFor(() => expect(platform.blobDownloads).toHaveLength(1));
    const [download] = platform.blobDownloads;
    expect(download?.fileName).toMatch(/\.sanitized\.har$/);
    const text = (await download?.blob.text()) ?? '';
    const parsed = parseHar(text);
    expect(parsed.ok && parsed.har.log.entries.map((e) => e.response?.status)).toEqual([429, 404, 200]);
    expect(text).not.toContain('persona_sandbox_1234567890abcdef');
    expect(text).not.toContain('jane.doe@example.com');
    expect(screen.getByTestId('notice').textContent).toContain('the 3 requests kept in this session');
  });
});
