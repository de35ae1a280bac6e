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
