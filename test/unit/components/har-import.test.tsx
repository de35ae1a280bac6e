// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, createEvent, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HarDropZone, HarImportButton } from '../../../src/panel/components/har-import.tsx';

afterEach(cleanup);

const HAR = JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [] } });

function harFile(name = 'customer.har', text = HAR): File {
  return new File([text], name, { type: 'application/json' });
}

function choose(input: HTMLElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('HarImportButton', () => {
  it('opens the hidden file input and hands over the chosen file unread (the store streams it)', async () => {
    const onImport = vi.fn();
    render(<HarImportButton onImport={onImport} onError={() => {}} />);
    const input = screen.getByTestId('import-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.har');
    const click = vi.spyOn(input, 'click');
    fireEvent.click(screen.getByTestId('import-har'));
    expect(click).toHaveBeenCalled();

    const file = harFile();
    choose(input, [file]);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith(file));
  });

  it('accepts gzip-compressed HAR files too', () => {
    render(<HarImportButton onImport={() => {}} onError={() => {}} />);
    expect((screen.getByTestId('import-input') as HTMLInputElement).accept).toContain('.gz');
  });
});

describe('HarDropZone', () => {
  function drag(type: 'dragEnter' | 'dragLeave' | 'drop', files: File[], types = ['Files']) {
    // happy-dom has no `ondragenter` property, so the library's fireEvent.dragEnter shorthand would
    // dispatch "DragEnter"; build the lowercase event explicitly, as a browser fires it.
    const zone = screen.getByTestId('drop-zone');
    fireEvent(zone, createEvent[type](zone, { dataTransfer: { types, files } }));
  }

  it('shows an overlay while a file is dragged over and imports it on drop', async () => {
    const onImport = vi.fn();
    render(
      <HarDropZone onImport={onImport} onError={() => {}}>
        <p>panel</p>
      </HarDropZone>,
    );
    drag('dragEnter', []);
    expect(screen.getByText('Drop a HAR file to import it')).toBeTruthy();
    drag('dragLeave', []);
    expect(screen.queryByText('Drop a HAR file to import it')).toBeNull();
    drag('dragEnter', []);
    const dropped = harFile('dropped.har');
    drag('drop', [dropped]);
    expect(screen.queryByText('Drop a HAR file to import it')).toBeNull();
    await waitFor(() => expect(onImport).toHaveBeenCalledWith(dropped));
  });

  it('ignores drags without files and refuses several files at once', async () => {
    const onImport = vi.fn();
    const onError = vi.fn();
    render(
      <HarDropZone onImport={onImport} onError={onError}>
        <p>panel</p>
      </HarDropZone>,
    );
    drag('dragEnter', [], ['text/plain']);
    expect(screen.queryByText('Drop a HAR file to import it')).toBeNull();
    drag('drop', [harFile('a.har'), harFile('b.har')]);
    await waitFor(() =>
      expect(onError).toHaveBeenCalledWith('Import one HAR file at a time (2 were given).'),
    );
    expect(onImport).not.toHaveBeenCalled();
  });
});
