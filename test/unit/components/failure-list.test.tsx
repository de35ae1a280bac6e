// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { FailureList } from '../../../src/panel/components/failure-list.tsx';
import type { FailureRow } from '../../../src/core/view/index.ts';
import { row } from '../view/rows.ts';

afterEach(cleanup);

function many(n: number): FailureRow[] {
  return Array.from({ length: n }, (_, i) =>
    row({ id: i, path: `/v1/items/${i}`, status: i % 2 ? 503 : 429 }),
  );
}

function renderedIds(): number[] {
  return screen.getAllByTestId('failure').map((el) => Number(el.dataset['index']));
}

function listbox(): HTMLElement {
  return screen.getByRole('listbox');
}

describe('FailureList', () => {
  it('renders every row of a small session with the DESIGN.md test hooks', () => {
    const rows = [
      row({ id: 3, status: 429, category: 'rate_limited', provider: 'persona', retry: 'yes' }),
      row({ id: 9, status: 0, category: 'network_error', retry: 'conditional' }),
    ];
    render(<FailureList rows={rows} selectedId={undefined} onSelect={() => {}} />);
    const [first, second] = screen.getAllByTestId('failure');
    expect(first?.dataset).toMatchObject({
      status: '429',
      category: 'rate_limited',
      provider: 'persona',
      retry: 'yes',
      index: '3',
    });
    expect(second?.textContent).toContain('(failed)');
    expect(second?.getAttribute('role')).toBe('option');
  });

  it('keeps the DOM bounded for 10,000 rows and windows on scroll', () => {
    render(<FailureList rows={many(10_000)} selectedId={undefined} onSelect={() => {}} />);
    const first = renderedIds();
    expect(first[0]).toBe(0);
    expect(first.length).toBeGreaterThan(20);
    expect(first.length).toBeLessThan(60);
    const canvas = listbox().firstElementChild as HTMLElement;
    expect(canvas.style.height).toBe(`${10_000 * 22}px`);

    listbox().scrollTop = 5000 * 22;
    fireEvent.scroll(listbox());
    const later = renderedIds();
    expect(later.length).toBeLessThan(60);
    expect(later).toContain(5000);
    expect(later).not.toContain(0);
  });

  it('selects on click and marks the selection with aria-selected', () => {
    const onSelect = vi.fn();
    const rows = many(5);
    const { rerender } = render(<FailureList rows={rows} selectedId={undefined} onSelect={onSelect} />);
    fireEvent.click(screen.getAllByTestId('failure')[2]!);
    expect(onSelect).toHaveBeenCalledWith(2);
    rerender(<FailureList rows={rows} selectedId={2} onSelect={onSelect} />);
    const selected = screen.getAllByRole('option', { selected: true });
    expect(selected.map((el) => el.dataset['index'])).toEqual(['2']);
    expect(listbox().getAttribute('aria-activedescendant')).toBe(selected[0]?.id);
  });

  it('scrolls a selection made elsewhere into view', () => {
    const rows = many(10_000);
    const { rerender } = render(<FailureList rows={rows} selectedId={undefined} onSelect={() => {}} />);
    expect(renderedIds()).not.toContain(7_000);
    rerender(<FailureList rows={rows} selectedId={7_000} onSelect={() => {}} />);
    expect(listbox().scrollTop).toBe(7_001 * 22 - 600);
    expect(renderedIds()).toContain(7_000);
    expect(screen.getAllByRole('option', { selected: true }).map((el) => el.dataset['index'])).toEqual([
      '7000',
    ]);
  });

  it('moves the selection with the keyboard and scrolls it into view', () => {
    let selected: number | undefined = 0;
    const rows = many(10_000);
    const onSelect = (id: number) => (selected = id);
    const onOpen = vi.fn();
    const onClose = vi.fn();
    const props = { rows, onSelect, onOpen, onClose };
    const { rerender } = render(<FailureList {...props} selectedId={selected} />);
    const press = (key: string) => {
      fireEvent.keyDown(listbox(), { key });
      rerender(<FailureList {...props} selectedId={selected} />);
    };
    press('ArrowDown');
    expect(selected).toBe(1);
    press('ArrowUp');
    press('ArrowUp');
    expect(selected).toBe(0);
    press('PageDown');
    expect(selected).toBe(26); // 600 px fallback viewport / 22 px - 1
    press('End');
    expect(selected).toBe(9_999);
    expect(listbox().scrollTop).toBe(10_000 * 22 - 600);
    expect(renderedIds()).toContain(9_999);
    press('PageUp');
    expect(selected).toBe(9_973);
    press('Home');
    expect(selected).toBe(0);
    expect(listbox().scrollTop).toBe(0);
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(0);
    press('Escape');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('groups identical failures, shows the count, and expands a group to its members', () => {
    const rows = [
      row({ id: 1, path: '/v1/users/1', status: 404, startedMs: 1 }),
      row({ id: 2, path: '/v1/users/2', status: 404, startedMs: 2 }),
      row({ id: 3, path: '/v1/users/3', status: 500, startedMs: 3 }),
    ];
    let selected: number | undefined;
    const onSelect = (id: number) => (selected = id);
    const { rerender } = render(
      <FailureList rows={rows} grouped selectedId={selected} onSelect={onSelect} />,
    );
    const groups = screen.getAllByTestId('failure-group');
    expect(groups.map((g) => g.dataset['count'])).toEqual(['2', '1']);
    expect(groups[0]?.textContent).toContain('/v1/users/:id');
    expect(screen.queryAllByTestId('failure')).toHaveLength(0);

    fireEvent.click(groups[0]!);
    expect(selected).toBe(2); // the latest member
    rerender(<FailureList rows={rows} grouped selectedId={selected} onSelect={onSelect} />);
    expect(renderedIds()).toEqual([1, 2]);
    const [member] = screen.getAllByTestId('failure');
    expect([member?.getAttribute('role'), member?.getAttribute('aria-level')]).toEqual(['treeitem', '2']);
    expect([member?.getAttribute('aria-posinset'), member?.getAttribute('aria-setsize')]).toEqual(['1', '2']);
    expect(screen.getAllByTestId('failure-group')[0]?.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('failure-group')[0]?.getAttribute('aria-selected')).toBe('true');

    const tree = screen.getByRole('tree');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(selected).toBe(1);
    rerender(<FailureList rows={rows} grouped selectedId={selected} onSelect={onSelect} />);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // back to the group header
    rerender(<FailureList rows={rows} grouped selectedId={selected} onSelect={onSelect} />);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' }); // collapse it
    expect(screen.queryAllByTestId('failure')).toHaveLength(0);
  });

  it('shows the caller-provided empty state', () => {
    render(
      <FailureList rows={[]} selectedId={undefined} onSelect={() => {}} empty="No failed requests yet" />,
    );
    expect(listbox().textContent).toContain('No failed requests yet');
  });
});
