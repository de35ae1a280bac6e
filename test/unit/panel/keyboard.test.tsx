// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { mountPanel, settle } from './mount-panel.tsx';
import { NOT_FOUND, PERSONA_429, CONNECTION_REFUSED } from './har-entries.ts';

afterEach(cleanup);

function selectedStatus(): string | undefined {
  return document.querySelector<HTMLElement>('[data-testid="failure"][aria-selected="true"]')?.dataset[
    'status'
  ];
}

describe('keyboard', () => {
  it('↑/↓ move the selection, Enter opens the detail, Escape closes it', async () => {
    await mountPanel([PERSONA_429, NOT_FOUND, CONNECTION_REFUSED]);
    const list = screen.getByRole('listbox');
    list.focus();
    await settle(() => fireEvent.keyDown(list, { key: 'ArrowDown' }));
    expect(selectedStatus()).toBe('429');
    expect(screen.queryByTestId('detail')).toBeNull();
    await settle(() => fireEvent.keyDown(list, { key: 'ArrowDown' }));
    expect(selectedStatus()).toBe('404');
    await settle(() => fireEvent.keyDown(list, { key: 'Enter' }));
    expect(screen.getByTestId('detail').textContent).toContain('api.example.test/v1/orders/ord_123');
    await settle(() => fireEvent.keyDown(list, { key: 'ArrowUp' }));
    expect(screen.getByTestId('detail').textContent).toContain('api.withpersona.com');
    await settle(() => fireEvent.keyDown(list, { key: 'Escape' }));
    expect(screen.queryByTestId('detail')).toBeNull();
  });

  it('closing the detail with its button returns focus to the list', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => fireEvent.click(document.querySelector('[data-testid="failure"]')!));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: /Close detail/ })));
    expect(screen.queryByTestId('detail')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });

  it('Escape anywhere in the detail closes it', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => fireEvent.click(document.querySelector('[data-testid="failure"]')!));
    await settle(() => fireEvent.keyDown(screen.getByTestId('ticket'), { key: 'Escape' }));
    expect(screen.queryByTestId('detail')).toBeNull();
  });

  it('keeps an Escape it used from DevTools, without default-preventing it, and lets others through', async () => {
    // DevTools' injected forwarder listens on document (Chromium); Firefox's split console opens
    // for a default-prevented Escape (app.tsx). So: used → stopped before document, never prevented.
    await mountPanel([NOT_FOUND]);
    const reached: KeyboardEvent[] = [];
    const spy = (e: Event) => reached.push(e as KeyboardEvent);
    document.addEventListener('keydown', spy);
    const escape = () => new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    await settle(() => fireEvent.click(document.querySelector('[data-testid="failure"]')!));
    const closing = escape();
    await settle(() => screen.getByTestId('ticket').dispatchEvent(closing));
    expect(screen.queryByTestId('detail')).toBeNull();
    expect(closing.defaultPrevented).toBe(false);
    expect(reached).toHaveLength(0);
    // Nothing left to close: DevTools gets the key (its drawer toggles, as on any panel).
    await settle(() => screen.getByRole('listbox').dispatchEvent(escape()));
    expect(reached.map((e) => e.key)).toEqual(['Escape']);
    document.removeEventListener('keydown', spy);
  });

  it('Ctrl+F and Cmd+F focus the filter box and stay in the panel', async () => {
    await mountPanel([NOT_FOUND]);
    const reached: KeyboardEvent[] = [];
    const spy = (e: Event) => reached.push(e as KeyboardEvent);
    document.addEventListener('keydown', spy);
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
      screen.getByRole('listbox').focus();
      const find = new KeyboardEvent('keydown', { key: 'f', bubbles: true, cancelable: true, ...modifier });
      await settle(() => screen.getByRole('listbox').dispatchEvent(find));
      expect(document.activeElement).toBe(screen.getByTestId('filter-text'));
      expect(find.defaultPrevented).toBe(true);
    }
    expect(reached).toHaveLength(0);
    document.removeEventListener('keydown', spy);
  });

  it('DevTools’ find bar filters the list and closing it restores the filter', async () => {
    const { platform, store } = await mountPanel([NOT_FOUND, PERSONA_429, CONNECTION_REFUSED]);
    await settle(() => store.setFilter({ ...store.filter.value, text: 'status:4xx' }));
    await settle(() => platform.search({ action: 'performSearch', query: 'persona' }));
    expect((screen.getByTestId('filter-text') as HTMLInputElement).value).toBe('persona');
    expect(document.querySelectorAll('[data-testid="failure"]')).toHaveLength(1);
    await settle(() => platform.search({ action: 'nextSearchResult' }));
    expect(selectedStatus()).toBe('429');
    await settle(() => platform.search({ action: 'cancelSearch' }));
    expect((screen.getByTestId('filter-text') as HTMLInputElement).value).toBe('status:4xx');
  });

  it('controls have accessible names', async () => {
    await mountPanel([NOT_FOUND]);
    await settle(() => fireEvent.click(document.querySelector('[data-testid="failure"]')!));
    expect(screen.getByRole('listbox', { name: 'Failed API calls' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Close detail/ })).toBeTruthy();
    expect(screen.getByRole('toolbar', { name: 'API Errors toolbar' })).toBeTruthy();
    for (const button of document.querySelectorAll('button'))
      expect(button.textContent?.trim() || button.getAttribute('aria-label')).toBeTruthy();
  });
});
