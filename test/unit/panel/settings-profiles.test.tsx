// @vitest-environment happy-dom
// Fixtures are read relative to the repository root (vitest's cwd): happy-dom replaces URL.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { harEntry } from './har-entries.ts';

afterEach(cleanup);

const ACME = readFileSync('test/fixtures/profiles/acme.json', 'utf8');
const BROKEN = readFileSync('test/fixtures/profiles/broken.json', 'utf8');

const BUSY = harEntry({
  method: 'POST',
  url: 'https://api.acme.example/v2/orders/o_1',
  status: 409,
  body: JSON.stringify({ fault: { code: 'ORDER_BUSY', text: 'order is being changed' } }),
});

/** Pick a file in the Settings' profile input, as a user does. */
async function importFile(name: string, text: string): Promise<void> {
  const input = screen.getByTestId('profile-import') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  await settle(() => fireEvent.change(input));
  // The file is read asynchronously (File.text()); let that and the re-classification finish.
  await settle(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('Settings › Provider profiles', () => {
  it('imports a profile file: listed, stored, and the captured failure re-classified at once', async () => {
    const { platform } = await mountPanel([BUSY]);
    expect(failures()[0]?.dataset).toMatchObject({ provider: 'generic', category: 'conflict', retry: 'no' });
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await importFile('acme.json', ACME);
    const row = screen.getByTestId('profile-row');
    expect(row.dataset['profile']).toBe('acme');
    expect(row.textContent).toContain('Acme Orders API');
    expect(row.textContent).toContain('api.acme.example');
    expect(platform.writes.at(-1)).toMatchObject({ profiles: [{ id: 'acme', formatVersion: 1 }] });
    // A host can now be mapped to it like to a built-in.
    const options = [...(screen.getByTestId('mapping-profile') as HTMLSelectElement).options].map(
      (o) => o.value,
    );
    expect(options).toContain('acme');
    await settle(() => fireEvent.click(screen.getByText('Back to failures')));
    expect(failures()[0]?.dataset).toMatchObject({
      provider: 'acme',
      category: 'rate_limited',
      retry: 'yes',
    });
  });

  it('removes an imported profile, and the failure falls back to the baseline', async () => {
    const { platform } = await mountPanel([BUSY], (p) => (p.stored = { profiles: [JSON.parse(ACME)] }));
    expect(failures()[0]?.dataset['provider']).toBe('acme');
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Remove profile Acme Orders API' })),
    );
    expect(screen.queryByTestId('profile-row')).toBeNull();
    expect(platform.writes.at(-1)).toMatchObject({ profiles: [] });
    await settle(() => fireEvent.click(screen.getByText('Back to failures')));
    expect(failures()[0]?.dataset['provider']).toBe('generic');
  });

  it('refuses a broken file with every problem listed, keeping what was stored', async () => {
    const { platform } = await mountPanel([BUSY], (p) => (p.stored = { profiles: [JSON.parse(ACME)] }));
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    const writes = platform.writes.length;
    await importFile('broken.json', BROKEN);
    const problems = screen.getByTestId('profile-problems');
    expect(within(problems).getByText(/rules\[0\]\.then\.retry: "later" is not one of/)).toBeTruthy();
    expect(platform.writes.length).toBe(writes);
    expect(screen.getByTestId('profile-row').dataset['profile']).toBe('acme');
    await importFile('not-json.json', '{ nope');
    expect(screen.getByTestId('profile-problems').textContent).toMatch(/JSON|Unexpected|Expected/);
  });

  it("shows the organisation's profiles from managed storage, which the user cannot remove", async () => {
    await mountPanel(
      [BUSY],
      (p) => (p.managed = { profiles: [ACME], hostMap: { 'api.other.test': 'acme' } }),
    );
    expect(failures()[0]?.dataset['provider']).toBe('acme');
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    const row = screen.getByTestId('profile-row');
    expect(row.textContent).toContain('set by your organisation');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('mappings').textContent).toContain('api.other.test');
  });
});
