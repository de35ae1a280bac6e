import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { PanelStore, TransferState } from '../store/panel-store.ts';
import './har-import.css';

export interface HarImportProps {
  /**
   * The chosen file, unread: the store streams it through the HAR worker (any size, gzip too), so
   * it is never read into one string here.
   */
  onImport: (file: File) => void;
  /** The drop held no single file. A sentence for the user. */
  onError: (message: string) => void;
}

/**
 * "Import HAR…": support engineers receive HAR files from customers (issue 6). The visible button
 * opens the hidden file input, which tests drive directly (`import-input`).
 */
export function HarImportButton(p: HarImportProps & { label?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="hi-button"
        data-testid="import-har"
        title="Import a HAR file (or drop one onto the panel)"
        onClick={() => input.current?.click()}
      >
        {p.label ?? 'Import HAR…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,.gz,application/json,application/gzip"
        hidden
        tabIndex={-1}
        data-testid="import-input"
        onChange={(e) => {
          const el = e.currentTarget;
          const files = [...(el.files ?? [])];
          // Reset so choosing the same file again (after fixing it) fires change again.
          el.value = '';
          void importFiles(files, p);
        }}
      />
    </>
  );
}

/**
 * Wraps the panel so a HAR file dropped anywhere on it is imported, with an overlay while a file
 * is dragged over. Drags that carry no file (text, links) are left to the browser.
 */
export function HarDropZone(p: HarImportProps & { children: ComponentChildren }) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the drag really left.
  const depth = useRef(0);
  const leave = () => {
    depth.current = 0;
    setDragging(false);
  };
  return (
    <div
      class="hi-zone"
      data-testid="drop-zone"
      data-dragging={dragging}
      onDragEnter={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e.dataTransfer)) return;
        e.preventDefault();
        leave();
        void importFiles([...(e.dataTransfer?.files ?? [])], p);
      }}
    >
      {p.children}
      {dragging ? (
        <div class="hi-overlay" aria-hidden="true">
          <div class="hi-overlay-text">Drop a HAR file to import it</div>
        </div>
      ) : null}
    </div>
  );
}

function carriesFiles(data: DataTransfer | null): boolean {
  return data !== null && [...data.types].includes('Files');
}

function importFiles(files: readonly File[], p: HarImportProps): void {
  const [file] = files;
  if (file === undefined) return;
  if (files.length > 1) {
    p.onError(`Import one HAR file at a time (${files.length} were given).`);
    return;
  }
  p.onImport(file);
}

const megabytes = (bytes: number): string =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function progressText(transfer: TransferState): string {
  const progress = transfer.progress;
  const verb = transfer.kind === 'import' ? 'Importing' : 'Exporting';
  if (progress === undefined) return `${verb} ${transfer.name}…`;
  const pass =
    progress.passes === 1
      ? ''
      : progress.pass === 1
        ? ' (1 of 2: finding every sensitive value)'
        : ' (2 of 2: writing)';
  const amount =
    progress.unit === 'bytes'
      ? `: ${megabytes(progress.done)} of ${megabytes(progress.total)}, ${progress.items} entries`
      : `: ${progress.done} of ${progress.total} entries`;
  return `${verb} ${transfer.name}${pass}${amount}`;
}

/**
 * An import or export in progress (both run in the HAR worker): what is done, a progress bar and
 * Cancel. Cancelling an import keeps what was read; cancelling an export saves nothing.
 */
export function HarTransferBar({ store }: { store: PanelStore }) {
  const transfer = store.transfer.value;
  if (transfer === undefined) return null;
  const progress = transfer.progress;
  const share =
    progress === undefined || progress.total === 0 ? undefined : Math.min(1, progress.done / progress.total);
  return (
    <div class="hi-transfer" role="status" data-testid="transfer" data-kind={transfer.kind}>
      <span class="hi-transfer-text">{progressText(transfer)}</span>
      <progress class="hi-transfer-bar" max={1} value={share} aria-label={`${transfer.kind} progress`} />
      <button
        type="button"
        class="hi-button"
        data-testid="transfer-cancel"
        onClick={() => store.cancelTransfer()}
      >
        Cancel
      </button>
    </div>
  );
}
