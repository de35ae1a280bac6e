import { useEffect, useRef } from 'preact/hooks';

const TOKEN_HELP =
  'Filter: words match method, host, path, status, code, message, provider and category. ' +
  'Tokens: status:429 status:5xx provider:persona category:rate_limited retry:no method:POST ' +
  'host:api.example.com code:… path:… — prefix with - to exclude, /regex/ for a pattern.';

/** The free-text box: Ctrl/Cmd+F focuses it and Escape clears it, as in the Network panel. */
export function FilterBarText({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  useFindShortcut(input);
  return (
    <input
      ref={input}
      class="fb-text"
      type="text"
      role="searchbox"
      spellcheck={false}
      placeholder="Filter (Ctrl+F)"
      aria-label="Filter failures by text or tokens like status:429"
      title={TOKEN_HELP}
      data-testid="filter-text"
      value={text}
      onInput={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        // An empty box lets Escape through, so it still closes the detail.
        if (e.key !== 'Escape' || text === '') return;
        e.preventDefault();
        e.stopPropagation();
        onChange('');
      }}
    />
  );
}

/** The panel frame receives the key first when it has focus, so DevTools' own search stays out. */
function useFindShortcut(input: { current: HTMLInputElement | null }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
}
