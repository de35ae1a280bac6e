// @vitest-environment happy-dom
import { gzipSync } from 'node:zlib';
import { effect } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { parseHar } from '../../../src/core/parse-har.ts';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { harEntry, NOT_FOUND, OK, PERSONA_429 } from './har-entries.ts';

// Import and export through the HAR worker's real jobs (run in-process by FakePlatform): the
// file is streamed, fed to the engine in slices, and written back as Blob parts.

afterEach(cleanup);

const EVENTUALLY = { timeout: 15_000 };

function choose(file: File): void {
  const input = screen.getByTestId('import-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/**
 * A File whose stream() delivers 64 KiB chunks, as browsers do (happy-dom hands the whole Blob
 * over in one chunk, which would leave no moment to cancel in).
 */
function chunkedFile(text: string, name: string): File {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name);
  file.stream = () => {
    let offset = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(offset, (offset += 64 * 1024)));
      },
    }) as ReturnType<File['stream']>;
  };
  return file;
}

const notice = (): string => screen.queryByTestId('notice')?.textContent ?? '';

/** A HAR of `count` entries, every other one a 404, each with a body so the file spans batches. */
function manyEntries(count: number): string {
  const body = JSON.stringify({ errors: [{ title: 'Not Found', detail: 'x'.repeat(600) }] });
  const entries = Array.from({ length: count }, (_, i) =>
    harEntry({ url: `https://api.example.test/v1/items/${i}`, status: i % 2 === 0 ? 404 : 200, body }),
  );
  return JSON.stringify({ log: { version: '1.2', entries } });
}

describe('HAR import through the worker', () => {
  it('reads a gzip-compressed file like the plain one', async () => {
    const { store } = await mountPanel([]);
    const text = JSON.stringify({ log: { entries: [OK, PERSONA_429, NOT_FOUND] } });
    await settle(() => choose(new File([gzipSync(text)], 'capture.har.gz')));
    await waitFor(() => expect(notice()).toContain('Imported 3 entries from capture.har.gz'), EVENTUALLY);
    expect(failures().map((el) => el.dataset['index'])).toEqual(['1', '2']);
    expect(store.transfer.value).toBeUndefined();
  });

  it('shows its progress with a Cancel that keeps what was read', async () => {
    const { store } = await mountPanel([]);
    const progress: string[] = [];
    // Cancel as soon as the first failures are on screen, mid-file (as a user pressing Cancel).
    const stop = effect(() => {
      const transfer = store.transfer.value;
      if (transfer?.progress !== undefined)
        progress.push(`${transfer.progress.done}/${transfer.progress.total}`);
      if (store.counts.value.failures > 0 && transfer !== undefined) store.cancelTransfer();
    });
    await settle(() => choose(chunkedFile(manyEntries(4000), 'long.har')));
    await waitFor(
      () => expect(notice()).toMatch(/^Import cancelled: showing the first \d+ entries of long\.har\./),
      EVENTUALLY,
    );
    stop();
    const shown = Number(/first (\d+) entries/.exec(notice())?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(4000);
    expect(store.counts.value.failures).toBe(Math.ceil(shown / 2));
    expect(screen.queryByTestId('transfer')).toBeNull();
    expect(progress.length).toBeGreaterThan(0);
  });

  it('keeps the captured session when the file is not a HAR, and says what to do', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => choose(new File(['{"entries": []}'], 'notes.json')));
    await waitFor(() => expect(notice()).toContain('notes.json: not a HAR file'), EVENTUALLY);
    expect(notice()).toContain('What was captured is unchanged');
    expect(failures()).toHaveLength(1);
  });

  it('keeps what a file cut short held, and says where it stopped', async () => {
    const text = manyEntries(40);
    await mountPanel([]);
    await settle(() => choose(new File([text.slice(0, text.length / 2)], 'cut.har')));
    await waitFor(
      () =>
        expect(notice()).toMatch(
          /cut\.har: .*ends inside log\.entries\[\d+\].*Showing the \d+ entries read before/,
        ),
      EVENTUALLY,
    );
    expect(failures().length).toBeGreaterThan(0);
  });
});

describe('the transfer bar', () => {
  it('says what runs, and its Cancel button cancels it', async () => {
    const { store } = await mountPanel([]);
    let cancelled = 0;
    store.cancelTransfer = () => void cancelled++;
    await settle(() => {
      store.transfer.value = {
        kind: 'export',
        name: 'x.sanitized.har',
        progress: {
          pass: 2,
          passes: 2,
          unit: 'bytes',
          done: 3 * 1024 * 1024,
          total: 12 * 1024 * 1024,
          items: 40,
        },
      };
    });
    expect(screen.getByTestId('transfer').textContent).toContain(
      'Exporting x.sanitized.har (2 of 2: writing): 3.0 MB of 12 MB, 40 entries',
    );
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(0.25);
    await settle(() => fireEvent.click(screen.getByTestId('transfer-cancel')));
    expect(cancelled).toBe(1);
  });
});

describe('sanitized export through the worker', () => {
  it('streams an imported file whole, every entry, even those the retention limit hides', async () => {
    const { store, platform } = await mountPanel([]);
    await settle(() => store.updateSettings({ maxFailures: 100 }));
    await settle(() => choose(new File([manyEntries(400)], 'customer.har')));
    await waitFor(() => expect(notice()).toContain('oldest failures are not shown'), EVENTUALLY);
    expect(store.counts.value.failures).toBe(100);
    await settle(() => fireEvent.click(screen.getByTestId('export-har')));
    await waitFor(() => expect(platform.blobDownloads).toHaveLength(1), EVENTUALLY);
    const [download] = platform.blobDownloads;
    expect(download?.fileName).toBe('customer.sanitized.har');
    const parsed = parseHar((await download?.blob.text()) ?? '');
    expect(parsed.ok && parsed.har.log.entries).toHaveLength(400);
    expect(notice()).toContain('every entry of customer.har (400)');
  });

  it('can be cancelled: nothing is saved, the session is unchanged', async () => {
    const { store, platform } = await mountPanel([]);
    await settle(() => choose(chunkedFile(manyEntries(3000), 'big.har')));
    await waitFor(() => expect(notice()).toContain('Imported 3000 entries'), EVENTUALLY);
    const stop = effect(() => {
      if (store.transfer.value?.kind === 'export' && store.transfer.value.progress !== undefined)
        store.cancelTransfer();
    });
    await settle(() => fireEvent.click(screen.getByTestId('export-har')));
    await waitFor(() => expect(notice()).toBe('Export cancelled: nothing was saved.×'), EVENTUALLY);
    stop();
    expect(platform.blobDownloads).toHaveLength(0);
    expect(store.counts.value.failures).toBe(1500);
  });
});
