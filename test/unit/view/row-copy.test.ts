import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import { canCopy, ROW_COPY_ACTIONS, rowCopyText } from '../../../src/core/view/row-copy.ts';

const SECRET = 'sk_live_51HqLyjWDarjtT1zdp7dcXYZabc123';
const EMAIL = 'ann.lee@example.org';

const exchange = exchangeFromHarEntry(
  {
    startedDateTime: '2026-05-04T10:00:00.000Z',
    time: 30,
    request: {
      method: 'POST',
      url: `https://api.example.com/v1/users/${EMAIL}/charges?api_key=${SECRET}`,
      headers: [{ name: 'Authorization', value: `Bearer ${SECRET}` }],
      postData: { mimeType: 'application/json', text: JSON.stringify({ email: EMAIL }) },
    },
    response: {
      status: 402,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({ error: { message: `Card declined for ${EMAIL}`, code: 'card_declined' } }),
      },
    },
  },
  0,
);
const diagnosis = classify(exchange);

describe('row copies', () => {
  it('never copies a secret or an email, whatever the action', () => {
    for (const { id } of ROW_COPY_ACTIONS) {
      const text = rowCopyText(id, exchange, diagnosis);
      expect(text, id).not.toBe('');
      expect(text, id).not.toContain(SECRET);
      expect(text, id).not.toContain(EMAIL);
    }
  });

  it('copies the URL with its structure kept and the response body as JSON', () => {
    expect(rowCopyText('url', exchange, diagnosis)).toMatch(
      /^https:\/\/api\.example\.com\/v1\/users\/\[email-1\]\/charges\?api_key=\[/,
    );
    expect(JSON.parse(rowCopyText('response', exchange, diagnosis))).toMatchObject({
      error: { code: 'card_declined' },
    });
  });

  it('has no response to copy for a request that got none', () => {
    const none = exchangeFromHarEntry(
      { request: { method: 'GET', url: 'https://api.example.com/x' }, response: { status: 0 } },
      1,
    );
    expect(canCopy('response', none)).toBe(false);
    expect(rowCopyText('response', none, classify(none))).toBe('');
  });
});
