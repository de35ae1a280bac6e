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
  it('opens the hidden file input and imports the chosen file as text', async () => {
    const onImport = vi.fn();
    render(<HarImportButton onImport={onImport} onError={() => {}} />);
    const input = screen.getByTestId('import-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.har');
    const click = vi.spyOn(input, 'click');
    fireEvent.click(screen.getByTestId('import-har'));
    expect(click).toHaveBeenCalled();

    choose(input, [harFile()]);
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('customer.har', HAR));
  });

  it('reports a file that cannot be read', async () => {
    const onError = vi.fn();
    render(<HarImportButton onImport={() => {}} onError={onError} />);
    const broken = harFile('broken.har');
    broken.text = () => Promise.reject(new Error('permission denied'));
    choose(screen.getByTestId('import-input'), [broken]);
    await waitFor(() => expect(onError).toHaveBeenCalledWith('Could not read broken.har: permission denied'));
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
    drag('drop', [harFile('dropped.har')]);
    expect(screen.queryByText('Drop a HAR file to import it')).toBeNull();
    await waitFor(() => expect(onImport).toHaveBeenCalledWith('dropped.har', HAR));
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
