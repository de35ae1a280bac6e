// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { FilterBar, type FilterBarProps } from '../../../src/panel/components/filter-bar.tsx';
import { EMPTY_FILTER, type FailureFilter, facetsOf } from '../../../src/core/view/index.ts';
import { row } from '../view/rows.ts';

afterEach(cleanup);

const facets = facetsOf([
  row({ id: 1, provider: 'persona', status: 429, category: 'rate_limited', host: 'api.withpersona.com' }),
  row({ id: 2, provider: 'ranex', status: 503, category: 'service_unavailable', host: 'api.ranex.io' }),
  row({ id: 3, provider: 'ranex', status: 0, category: 'network_error', host: 'api.ranex.io', retry: 'no' }),
]);

/** The bar wired to real state, reporting every filter it produced. */
function Harness(props: { seen: (f: FailureFilter) => void; overrides?: Partial<FilterBarProps> }) {
  const [filter, setFilter] = useState<FailureFilter>(EMPTY_FILTER);
  return (
    <FilterBar
      filter={filter}
      onChange={(f) => {
        props.seen(f);
        setFilter(f);
      }}
      facets={facets}
      grouped={false}
      onGroupedChange={() => {}}
      {...props.overrides}
    />
  );
}

function setup(overrides: Partial<FilterBarProps> = {}) {
  const seen: FailureFilter[] = [];
  render(<Harness seen={(f) => seen.push(f)} overrides={overrides} />);
  return { last: () => seen.at(-1) };
}

describe('FilterBar', () => {
  it('filters by text, clears it with Escape (consumed), and takes focus when asked', () => {
    const { last } = setup();
    const box = screen.getByRole('searchbox', { name: /filter failures/i });
    fireEvent.input(box, { target: { value: 'status:429 -host:cdn' } });
    expect(last()?.text).toBe('status:429 -host:cdn');
    expect(screen.getByTestId('more-controls').textContent).toContain('Filters (1)');
    const reachedDocument: KeyboardEvent[] = [];
    const spy = (e: Event) => reachedDocument.push(e as KeyboardEvent);
    document.addEventListener('keydown', spy);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    document.removeEventListener('keydown', spy);
    expect(last()?.text).toBe('');
    // Used, so kept from DevTools (whose forwarder listens on document), and not default-prevented.
    expect(reachedDocument).toEqual([]);
    (box as HTMLInputElement).blur();
    cleanup();
    render(<Harness seen={() => {}} overrides={{ focusRequest: 1 }} />);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: /filter failures/i }));
  });

  it('toggles status and retry chips the Network panel way', () => {
    const { last } = setup();
    const status = screen.getByRole('group', { name: 'Status class' });
    const chip = (name: string) => screen.getByRole('button', { name });
    expect([...status.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '4xx',
      '5xx',
      'Network',
    ]);
    fireEvent.click(chip('5xx'));
    expect(last()?.statusClasses).toEqual(['5xx']);
    expect(chip('5xx').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(chip('Network'), { ctrlKey: true });
    expect(last()?.statusClasses).toEqual(['5xx', 'Network'.toLowerCase()]);
    fireEvent.click(chip('4xx'));
    expect(last()?.statusClasses).toEqual(['4xx']);
    fireEvent.click(chip('4xx'));
    expect(last()?.statusClasses).toEqual([]);
    fireEvent.click(chip('No retry'));
    expect(last()?.retry).toEqual(['no']);
  });

  it('offers the session facets in labelled selects', () => {
    const { last } = setup();
    const provider = screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement;
    expect([...provider.options].map((o) => o.textContent)).toEqual([
      'All providers',
      'ranex (2)',
      'persona (1)',
    ]);
    fireEvent.change(provider, { target: { value: 'persona' } });
    expect(last()?.providers).toEqual(['persona']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Host' }), { target: { value: 'api.ranex.io' } });
    expect(last()?.hosts).toEqual(['api.ranex.io']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), {
      target: { value: 'network_error' },
    });
    expect(last()?.categories).toEqual(['network_error']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(last()).toEqual(EMPTY_FILTER);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('keeps a chosen value listed after it left the session', () => {
    render(
      <FilterBar
        filter={{ ...EMPTY_FILTER, providers: ['privo'] }}
        onChange={() => {}}
        facets={facets}
        grouped={false}
        onGroupedChange={() => {}}
      />,
    );
    const provider = screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement;
    expect(provider.value).toBe('privo');
    expect([...provider.options].map((o) => o.value)).toEqual(['', 'ranex', 'persona', 'privo']);
  });

  it('reports grouping changes', () => {
    const onGroupedChange = vi.fn();
    setup({ onGroupedChange });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Group identical' }));
    expect(onGroupedChange).toHaveBeenCalledWith(true);
  });
});
