import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import './har-import.css';

export interface HarImportProps {
  /** The file's text, as read. Deciding whether it is a HAR (parseHar) is the caller's job. */
  onImport: (fileName: string, text: string) => void;
  /** A file could not be read, or the drop held no single file. A sentence for the user. */
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
        accept=".har,.json,application/json"
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

async function importFiles(files: readonly File[], p: HarImportProps): Promise<void> {
  const [file] = files;
  if (file === undefined) return;
  if (files.length > 1) {
    p.onError(`Import one HAR file at a time (${files.length} were given).`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    p.onError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  p.onImport(file.name, text);
}
