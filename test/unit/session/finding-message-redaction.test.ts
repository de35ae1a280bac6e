import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify.ts';
import { exchangeFromHarEntry } from '../../../src/core/exchange-from-har-entry.ts';
import type { HarEntry } from '../../../src/core/har.ts';
import { SessionAnalyzer } from '../../../src/core/session/session-analyzer.ts';

function entry(startedDateTime: string): HarEntry {
  return {
    startedDateTime,
    time: 40,
    request: {
      method: 'GET',
      url: 'https://api.example.test/v1/users/jane.doe@example.com/profile?token=abc',
      headers: [],
    },
    response: {
      status: 400,
      statusText: 'Bad Request',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { mimeType: 'application/json', text: '{"message":"bad"}' },
    },
  };
}

describe('finding messages', () => {
  it('name the request without the personal data its path carries', () => {
    const analyzer = new SessionAnalyzer();
    const times = ['2026-11-20T10:00:00.000Z', '2026-11-20T10:00:05.000Z'];
    for (const [index, time] of times.entries()) {
      const exchange = exchangeFromHarEntry(entry(time), index);
      analyzer.add(exchange, classify(exchange));
    }
    const [finding] = analyzer.findings();
    expect(finding?.kind).toBe('non_retryable_resent');
    expect(finding?.message).toContain('GET api.example.test/v1/users/[email-1]/profile');
    expect(finding?.message).not.toContain('jane.doe');
    expect(finding?.message).not.toContain('token=abc');
  });
});
