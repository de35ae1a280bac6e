import { describe, expect, it } from 'vitest';
import { contentFromCallback, contentFromPromise } from '../../../src/platform/capture/body-content.ts';

describe('getContent result shapes', () => {
  it('reads Chromium promise form {content, encoding}', () => {
    expect(contentFromPromise({ content: 'eyJhIjoxfQ==', encoding: 'base64' })).toEqual({
      text: 'eyJhIjoxfQ==',
      encoding: 'base64',
    });
    expect(contentFromPromise({ content: '{"a":1}', encoding: '' })).toEqual({ text: '{"a":1}' });
  });

  it('reads Chromium callback form (content, encoding)', () => {
    expect(contentFromCallback(['{"a":1}', ''])).toEqual({ text: '{"a":1}' });
    expect(contentFromCallback(['AAEC', 'base64'])).toEqual({ text: 'AAEC', encoding: 'base64' });
  });

  it('reads Firefox [content, mimeType] without mistaking the MIME type for an encoding', () => {
    expect(contentFromPromise(['{"error":"x"}', 'application/json'])).toEqual({ text: '{"error":"x"}' });
  });

  it('treats a single callback argument like a promise value', () => {
    expect(contentFromCallback([['body', 'text/plain']])).toEqual({ text: 'body' });
    expect(contentFromCallback([{ content: 'b', encoding: 'base64' }])).toEqual({
      text: 'b',
      encoding: 'base64',
    });
  });

  it('yields no text for null or missing content', () => {
    expect(contentFromPromise(null)).toEqual({});
    expect(contentFromPromise({ content: null, encoding: null })).toEqual({});
    expect(contentFromCallback([null, null])).toEqual({});
  });
});
