import { describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/cli/terminal-report.ts';
import { RedactionSession } from '../../../src/core/redact/index.ts';

const path = (url: unknown): string => displayPath(url, new RedactionSession());

describe('displayPath', () => {
  it('drops the host, query and fragment: a query is where keys and emails sit in URLs', () => {
    expect(path('https://api.example.com/v1/users?api_key=abc#top')).toBe('/v1/users');
  });

  it('keeps the path of a relative URL and marks a missing one', () => {
    expect(path('/v1/users?token=abc')).toBe('/v1/users');
    expect(path(undefined)).toBe('-');
  });

  it('redacts personal data in path segments, the same value with the same placeholder', () => {
    const session = new RedactionSession();
    const first = displayPath('https://api.example.com/v1/users/ann.lee@example.org/orders', session);
    const again = displayPath('https://api.example.com/v1/users/ann.lee@example.org', session);
    expect(first).not.toContain('ann.lee');
    expect(first.startsWith(again)).toBe(true);
    expect(again).toMatch(/^\/v1\/users\/\[email[^\]]*\]$/);
  });

  it('cuts a very long path so the table stays readable', () => {
    const long = path(`https://api.example.com/${'a'.repeat(200)}`);
    expect(long).toHaveLength(70);
    expect(long.endsWith('…')).toBe(true);
  });
});
