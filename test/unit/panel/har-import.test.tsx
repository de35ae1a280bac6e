// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { NOT_FOUND, OK, PERSONA_429 } from './har-entries.ts';

afterEach(cleanup);

function choose(name: string, text: string): void {
  const input = screen.getByTestId('import-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  fireEvent.change(input);
}

describe('HAR import', () => {
  it('shows the file through the same classification, indexed like log.entries', async () => {
    const { store } = await mountPanel([NOT_FOUND]);
    const har = { log: { version: '1.2', entries: [OK, PERSONA_429, OK, NOT_FOUND] } };
    await settle(() => choose('customer.har', JSON.stringify(har)));
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('Imported 4 entries from customer.har'),
    );
    expect(failures().map((el) => el.dataset['status'])).toEqual(['429', '404']);
    expect(failures().map((el) => el.dataset['index'])).toEqual(['1', '3']);
    expect(failures()[0]?.dataset['provider']).toBe('persona');
    expect(store.source.value).toBe('customer.har');
  });

  it('keeps capturing live while an import is shown, and Back to live returns to it', async () => {
    const { platform, store } = await mountPanel([]);
    await settle(() => choose('customer.har', JSON.stringify({ log: { entries: [NOT_FOUND] } })));
    await waitFor(() => expect(failures()).toHaveLength(1));
    await settle(() => platform.entries([PERSONA_429]));
    // The file stays on screen; the live failure is counted on the way back.
    expect(failures().map((el) => el.dataset['status'])).toEqual(['404']);
    expect(screen.getByTestId('source').textContent).toContain('customer.har');
    expect(screen.getByTestId('back-to-live').textContent).toBe('Back to live (1 failed)');
    await settle(() => fireEvent.click(screen.getByTestId('back-to-live')));
    expect(failures().map((el) => el.dataset['status'])).toEqual(['429']);
    expect(store.source.value).toBeUndefined();
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('Clear on an imported file closes it and leaves the live session as it was', async () => {
    const { platform } = await mountPanel([PERSONA_429]);
    await settle(() => choose('customer.har', JSON.stringify({ log: { entries: [NOT_FOUND] } })));
    await waitFor(() => expect(failures().map((el) => el.dataset['status'])).toEqual(['404']));
    await settle(() => platform.navigate());
    await settle(() => platform.entries([PERSONA_429]));
    await settle(() => fireEvent.click(screen.getByTestId('clear')));
    // The navigation cleared the live session (no Preserve log); the 429 after it remains.
    expect(failures().map((el) => el.dataset['status'])).toEqual(['429']);
    expect(screen.queryByTestId('back-to-live')).toBeNull();
  });

  it('a failed import’s notice does not survive Clear', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => choose('notes.txt', 'hello'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('notes.txt'));
    await settle(() => fireEvent.click(screen.getByTestId('clear')));
    expect(screen.queryByTestId('notice')).toBeNull();
  });

  it('says when the retention limit hides part of a large file, and how to see all of it', async () => {
    const { store } = await mountPanel([]);
    await settle(() => store.updateSettings({ maxFailures: 100 }));
    // 150 failures and 150 successes: only the oldest failures make way, never for a success.
    const entries = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? NOT_FOUND : OK));
    await settle(() => choose('big.har', JSON.stringify({ log: { entries } })));
    await waitFor(
      () =>
        expect(screen.getByTestId('notice').textContent).toContain('50 of its oldest failures are not shown'),
      // The import runs in slices, yielding to the event loop between them (a loaded CI machine).
      { timeout: 10_000 },
    );
    expect(screen.getByTestId('notice').textContent).toContain('Settings');
    // The list is virtualised: the store holds the kept failures, the first rows are on screen.
    expect(store.failures.value).toHaveLength(100);
    expect(failures()[0]?.dataset['index']).toBe('100');
  });

  it('explains what to do with a file that is not a HAR', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => choose('notes.txt', 'hello'));
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('notes.txt: not a HAR file'),
    );
    expect(screen.getByRole('alert').textContent).toContain('Save all as HAR');
    expect(failures()).toHaveLength(1);
  });
});

describe('HAR import of a file with broken items', () => {
  it('shows the entries it can, with their log.entries indexes, and says what it skipped', async () => {
    await mountPanel([]);
    await settle(() =>
      choose('edited.har', JSON.stringify({ log: { entries: [null, NOT_FOUND, 'x', PERSONA_429] } })),
    );
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('2 items were not HAR entries and skipped'),
    );
    expect(
      failures()
        .map((el) => el.dataset['index'])
        .sort(),
    ).toEqual(['1', '3']);
  });
});
