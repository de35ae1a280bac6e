import { useState } from 'preact/hooks';
import type { CopyResult } from '../../platform/platform.ts';

interface CopyButtonProps {
  label: string;
  /** Accessible name when it differs from the visible label. */
  title?: string;
  testId?: string;
  text: () => string;
  copy: (text: string) => Promise<CopyResult>;
}

type State = { kind: 'idle' } | { kind: 'copied'; via: CopyResult } | { kind: 'failed' };

/** A copy button that says, visibly and to screen readers, whether the copy worked. */
export function CopyButton({ label, title, testId, text, copy }: CopyButtonProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onClick = async (): Promise<void> => {
    const via = await copy(text());
    setState(via === 'failed' ? { kind: 'failed' } : { kind: 'copied', via });
  };
  return (
    <span class="copy">
      <button type="button" data-testid={testId} title={title} onClick={() => void onClick()}>
        {label}
      </button>
      <span
        class={`copy-status copy-${state.kind}`}
        role="status"
        data-testid={testId ? `${testId}-status` : undefined}
      >
        {state.kind === 'copied' && 'Copied'}
        {state.kind === 'failed' &&
          'Copy failed: the browser refused the clipboard. Select the text and press Ctrl+C.'}
      </span>
    </span>
  );
}
