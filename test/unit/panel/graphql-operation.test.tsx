// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/preact';
import { failures, mountPanel } from './mount-panel.tsx';
import { harEntry } from './har-entries.ts';

afterEach(cleanup);

describe('the failure list names the GraphQL operation', () => {
  it('shows operationName next to the shared /graphql path', async () => {
    const entry = harEntry({
      method: 'POST',
      url: 'https://api.example.com/graphql',
      status: 200,
      body: JSON.stringify({
        data: null,
        errors: [{ message: 'Order not found', extensions: { code: 'NOT_FOUND' } }],
      }),
    });
    const request = entry.request;
    if (request === undefined) throw new Error('harEntry always has a request');
    request.postData = {
      mimeType: 'application/json',
      text: '{"query":"query Order { order(id: 1) { id } }","operationName":"Order"}',
    };
    await mountPanel([entry]);
    expect(failures()[0]?.dataset).toMatchObject({ status: '200', category: 'not_found', retry: 'no' });
    expect(screen.getByTestId('operation').textContent?.trim()).toBe('Order');
  });
});
