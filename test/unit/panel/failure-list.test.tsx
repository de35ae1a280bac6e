// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { buildTicket } from '../../../src/core/ticket/index.ts';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { CONNECTION_REFUSED, GRAPHQL_ERRORS, NOT_FOUND, OK, PERSONA_429, harEntry } from './har-entries.ts';

afterEach(cleanup);

describe('failure list', () => {
  it('lists exactly the failures, buffered and live, with the DESIGN.md hooks', async () => {
    const { platform } = await mountPanel([OK, PERSONA_429]);
    await settle(() => platform.entries([NOT_FOUND, CONNECTION_REFUSED, GRAPHQL_ERRORS, OK]));
    const rows = failures().map((el) => ({ ...el.dataset }));
    expect(rows.map((r) => r['status'])).toEqual(['429', '404', '0', '200']);
    expect(rows[0]).toMatchObject({
      status: '429',
      provider: 'persona',
      category: 'rate_limited',
      retry: 'yes',
    });
    expect(rows[2]).toMatchObject({ category: 'network_error' });
    for (const row of rows) {
      expect(row['category']).toBeTruthy();
      expect(row['provider']).toBeTruthy();
      expect(['yes', 'no', 'conditional']).toContain(row['retry']);
    }
    expect(screen.getByTestId('failure-count').textContent).toBe('4');
  });

  it('shows the empty state with what to do when nothing failed', async () => {
    await mountPanel([OK]);
    expect(screen.getByTestId('empty').textContent).toContain('No failed API calls yet');
    expect(failures()).toHaveLength(0);
  });

  it('says it is waiting for the capture until the devtools page answers', async () => {
    const { FakePlatform } = await import('./fake-platform.ts');
    const { PanelStore } = await import('../../../src/panel/store/panel-store.ts');
    const { App } = await import('../../../src/panel/app.tsx');
    const { render } = await import('@testing-library/preact');
    const store = new PanelStore(new FakePlatform());
    render(<App store={store} />);
    expect(screen.getByTestId('empty').textContent).toContain('close DevTools and open it again');
  });

  it('says how to get a capture when no devtools page answers', async () => {
    const { FakePlatform } = await import('./fake-platform.ts');
    const { PanelStore } = await import('../../../src/panel/store/panel-store.ts');
    const { App } = await import('../../../src/panel/app.tsx');
    const { render, act } = await import('@testing-library/preact');
    const platform = new FakePlatform();
    const store = new PanelStore(platform);
    render(<App store={store} />);
    await act(() => store.start());
    await act(() => platform.unanswered?.());
    expect(screen.getByTestId('empty').textContent).toContain('not running inside DevTools');
  });

  it('selecting a failure shows its ticket, exactly the ticket text', async () => {
    const { store } = await mountPanel([PERSONA_429]);
    await settle(() => fireEvent.click(failures()[0]!));
    const record = store.records()[0]!;
    const expected = buildTicket(record.exchange, record.diagnosis!).text;
    expect(screen.getByTestId('ticket').textContent).toBe(expected);
    expect(expected).not.toContain('jane.doe@example.com');
    expect(screen.getByTestId('diagnosis-provider').textContent).toContain('persona');
    expect(screen.getByTestId('action').textContent).not.toBe('');
  });

  it('highlights redacted placeholders with their kind and lists what was removed', async () => {
    await mountPanel([PERSONA_429]);
    await settle(() => fireEvent.click(failures()[0]!));
    const marks = [...screen.getByTestId('ticket').querySelectorAll('mark.redacted')];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect((mark as HTMLElement).dataset['kind']).toBeTruthy();
    expect(screen.getByTestId('removed').textContent).toMatch(/email/i);
  });

  it('Copy puts the plain ticket text on the clipboard and confirms', async () => {
    const { platform } = await mountPanel([NOT_FOUND]);
    await settle(() => fireEvent.click(failures()[0]!));
    await settle(() => fireEvent.click(screen.getByTestId('copy-ticket')));
    expect(platform.copies).toEqual([screen.getByTestId('ticket').textContent]);
    expect(screen.getByTestId('copy-ticket-status').textContent).toBe('Copied');
  });

  it('says so when neither clipboard path works', async () => {
    const { platform } = await mountPanel([NOT_FOUND], (p) => (p.copyResult = 'failed'));
    await settle(() => fireEvent.click(failures()[0]!));
    await settle(() => fireEvent.click(screen.getByTestId('copy-ticket')));
    expect(platform.copies).toHaveLength(1);
    expect(screen.getByTestId('copy-ticket-status').textContent).toMatch(/Copy failed/);
  });

  it('copies the redacted cURL command', async () => {
    const { platform } = await mountPanel([PERSONA_429]);
    await settle(() => fireEvent.click(failures()[0]!));
    await settle(() => fireEvent.click(screen.getByTestId('copy-curl')));
    expect(platform.copies[0]).toMatch(/^curl /);
    expect(platform.copies[0]).not.toContain('persona_sandbox_1234567890abcdef');
  });

  it('renders a failure whose URL is not absolute', async () => {
    await mountPanel([
      harEntry({ url: '/relative/path', status: 502, body: 'Bad gateway', mimeType: 'text/plain' }),
    ]);
    expect(failures().map((el) => el.dataset['status'])).toEqual(['502']);
  });
});
