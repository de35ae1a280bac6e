import { describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/cli/display-path.ts';

describe('displayPath', () => {
  it('drops the host, query and fragment: a query is where keys and emails sit in URLs', () => {
    expect(displayPath('https://api.example.com/v1/users?api_key=abc#top')).toBe('/v1/users');
  });

  it('keeps the path of a relative URL and marks a missing one', () => {
    expect(displayPath('/v1/users?token=abc')).toBe('/v1/users');
    expect(displayPath(undefined)).toBe('-');
  });

  it('cuts a very long path so the table stays readable', () => {
    const path = displayPath(`https://api.example.com/${'a'.repeat(200)}`);
    expect(path).toHaveLength(70);
    expect(path.endsWith('…')).toBe(true);
  });
});
