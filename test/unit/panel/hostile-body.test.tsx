// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { failures, mountPanel, settle } from './mount-panel.tsx';
import { HOSTILE_HTML, harEntry } from './har-entries.ts';

afterEach(() => {
  cleanup();
  delete (window as { __pwned?: unknown }).__pwned;
});

describe('hostile bodies', () => {
  it('render as inert text: no element, handler or javascript: link comes from a body', async () => {
    await mountPanel([HOSTILE_HTML]);
    await settle(() => fireEvent.click(failures()[0]!));
    const detail = screen.getByTestId('detail');
    expect(detail.querySelector('img, script, svg, iframe, object, embed')).toBeNull();
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(screen.getByTestId('response-body').textContent).toContain(
      '<img src="x" onerror="window.__pwned = 1">',
    );
    expect(screen.getByTestId('response-body').children).toHaveLength(0);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('never turns a doc link from a body into a javascript: or data: href', async () => {
    const problem = harEntry({
      url: 'https://api.example.test/v1/pay',
      status: 400,
      mimeType: 'application/problem+json',
      body: JSON.stringify({
        type: 'javascript:alert(1)',
        title: 'Invalid <b>card</b>',
        detail: '<img src=x onerror=alert(1)>',
        doc_url: 'data:text/html,<script>alert(1)</script>',
      }),
    });
    await mountPanel([problem]);
    await settle(() => fireEvent.click(failures()[0]!));
    for (const link of document.querySelectorAll('a')) expect(link.href).toMatch(/^https?:/);
    expect(screen.getByTestId('detail').querySelector('b, img')).toBeNull();
  });
});
