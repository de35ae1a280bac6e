import { useEffect, useRef } from 'preact/hooks';

const TOKEN_HELP =
  'Filter: words match method, host, path, status, code, message, provider and category. ' +
  'Tokens: status:429 status:5xx provider:persona category:rate_limited retry:no method:POST ' +
  'host:api.example.com code:… path:… — prefix with - to exclude, /regex/ for a pattern.';

export interface FilterBarTextProps {
  text: string;
  onChange: (text: string) => void;
  /**
   * Bumped by the panel to give the box focus (Ctrl+F / Cmd+F, handled once for the whole panel in
   * app.tsx so DevTools' own find bar never sees the key).
   */
  focusRequest?: number;
}

/**
 * The free-text box: Escape clears it, and stops there (propagation only, see app.tsx: an Escape
 * default-prevented in Firefox leaves its split console open).
 */
export function FilterBarText({ text, onChange, focusRequest = 0 }: FilterBarTextProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
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
        e.stopPropagation();
        onChange('');
      }}
    />
  );
}
