// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { harEntry } from './har-entries.ts';

afterEach(cleanup);

const RATE_LIMITED = harEntry({
  method: 'POST',
  url: 'https://api.internal.test/v1/checks',
  status: 429,
  body: '{"message":"slow down"}',
  responseHeaders: [{ name: 'Retry-After', value: '5' }],
});

describe('host → profile mapping', () => {
  it('re-classifies at once when a host is mapped in Settings, and stores the mapping', async () => {
    const { platform } = await mountPanel([RATE_LIMITED]);
    expect(failures()[0]?.dataset['provider']).toBe('generic');
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    await settle(() =>
      fireEvent.input(screen.getByTestId('mapping-host'), {
        target: { value: 'https://API.internal.test/x' },
      }),
    );
    await settle(() =>
      fireEvent.change(screen.getByTestId('mapping-profile'), { target: { value: 'persona' } }),
    );
    await settle(() => fireEvent.click(screen.getByTestId('mapping-add')));
    expect(platform.writes.at(-1)).toMatchObject({ hostMap: { 'api.internal.test': 'persona' } });
    await settle(() => fireEvent.click(screen.getByText('Back to failures')));
    expect(failures()[0]?.dataset['provider']).toBe('persona');
  });

  it('makes the user pick a profile instead of defaulting to generic', async () => {
    const { platform } = await mountPanel([RATE_LIMITED]);
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    const select = screen.getByTestId('mapping-profile') as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.selectedOptions[0]?.textContent).toBe('Choose a profile…');
    await settle(() =>
      fireEvent.input(screen.getByTestId('mapping-host'), { target: { value: 'api.internal.test' } }),
    );
    await settle(() => fireEvent.click(screen.getByTestId('mapping-add')));
    expect(screen.getByRole('alert').textContent).toContain('Pick the provider');
    expect(platform.writes).toHaveLength(0);
  });

  it('applies a stored mapping from the start', async () => {
    await mountPanel([RATE_LIMITED], (p) => (p.stored = { hostMap: { 'api.internal.test': 'ranex' } }));
    expect(failures()[0]?.dataset['provider']).toBe('ranex');
  });

  it('applies organisation presets from managed storage, user mappings winning', async () => {
    const { store } = await mountPanel([RATE_LIMITED], (p) => {
      p.managed = { hostMap: { 'api.internal.test': 'persly', 'api.other.test': 'privo' } };
    });
    expect(failures()[0]?.dataset['provider']).toBe('persly');
    await settle(() => store.updateSettings({ hostMap: { 'api.internal.test': 'error-envelope' } }));
    expect(failures()[0]?.dataset['provider']).toBe('error-envelope');
    await settle(() => fireEvent.click(screen.getByTestId('open-settings')));
    expect(screen.getByTestId('mappings').textContent).toContain('set by your organisation');
  });

  it('the detail offers the same mapping for the selected host', async () => {
    const { platform } = await mountPanel([RATE_LIMITED]);
    await settle(() => fireEvent.click(failures()[0]!));
    await settle(() => fireEvent.change(screen.getByTestId('host-profile'), { target: { value: 'privo' } }));
    expect(failures()[0]?.dataset['provider']).toBe('privo');
    expect(platform.writes.at(-1)).toMatchObject({ hostMap: { 'api.internal.test': 'privo' } });
  });
});
