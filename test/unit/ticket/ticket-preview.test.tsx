// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/core/diagnosis.ts';
import type { Exchange } from '../../../src/core/exchange.ts';
import { buildTicket } from '../../../src/core/ticket/index.ts';
import { TicketPreview } from '../../../src/panel/components/ticket-preview.tsx';

afterEach(cleanup);

const exchange: Exchange = {
  index: 0,
  method: 'POST',
  url: 'https://api.withpersona.test/api/v1/accounts/ann%40x.test',
  requestHeaders: [{ name: 'Persona-Version', value: '2023-01-05' }],
  status: 401,
  statusText: 'Unauthorized',
  responseHeaders: [{ name: 'X-Request-Id', value: 'req_01HF3Z2ABCDEF' }],
  mimeType: 'application/json',
  startedAt: '2026-11-22T04:45:04.123Z',
  startedMs: Date.parse('2026-11-22T04:45:04.123Z'),
  durationMs: 80,
};

const diagnosis: Diagnosis = {
  provider: 'persona',
  providerName: 'Persona',
  recognizedBy: { source: 'host', detail: 'test' },
  class: 'client',
  category: 'unauthorized',
  retry: 'no',
  backoffS: [],
  jitter: false,
  idempotency: { retryKey: 'none' },
  action: 'Check the credentials: the key or token is missing, expired or revoked.',
  evidence: [],
  doc: { title: 'Persona API documentation', section: 'Errors', url: 'https://docs.withpersona.test/errors' },
};

describe('TicketPreview', () => {
  it('shows the ticket text exactly, with placeholders kept whole on one line', () => {
    const ticket = buildTicket(exchange, diagnosis);
    render(<TicketPreview ticket={ticket} exchange={exchange} copy={async () => 'clipboard-api' as const} />);
    const pre = screen.getByTestId('ticket');
    expect(pre.textContent).toBe(ticket.text);
    const mark = pre.querySelector('mark.redacted') as HTMLElement | null;
    expect(mark?.textContent).toBe('[email-1]');
    expect(mark?.style.whiteSpace).toBe('nowrap');
  });

  it('shows the integrator advice beside the ticket, not in it', () => {
    const ticket = buildTicket(exchange, diagnosis);
    render(<TicketPreview ticket={ticket} exchange={exchange} copy={async () => 'clipboard-api' as const} />);
    const advice = screen.getByTestId('ticket-advice');
    expect(advice.textContent).toContain(diagnosis.action);
    expect(advice.querySelector('a')?.getAttribute('href')).toBe('https://docs.withpersona.test/errors');
    expect(screen.getByTestId('ticket').textContent).not.toContain(diagnosis.action);
  });
});
