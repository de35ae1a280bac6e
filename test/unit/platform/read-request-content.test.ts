import { describe, expect, it } from 'vitest';
import {
  readRequestContent,
  type ContentSource,
} from '../../../src/platform/capture/read-request-content.ts';

describe('readRequestContent', () => {
  it('uses the callback when the browser only calls back (older Chromium)', async () => {
    const request: ContentSource = {
      getContent(callback) {
        queueMicrotask(() => callback?.('{"a":1}', ''));
        return undefined;
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: '{"a":1}' });
  });

  it('uses the returned promise when the callback is ignored (Firefox)', async () => {
    const request: ContentSource = { getContent: () => Promise.resolve(['{"e":1}', 'application/json']) };
    await expect(readRequestContent(request)).resolves.toEqual({ text: '{"e":1}' });
  });

  it('retries promise-style when passing a callback throws', async () => {
    const request: ContentSource = {
      getContent(callback) {
        if (callback) throw new TypeError('Incorrect argument types');
        return Promise.resolve({ content: 'x', encoding: '' });
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: 'x' });
  });

  it('settles once even when both paths answer', async () => {
    const request: ContentSource = {
      getContent(callback) {
        callback?.('first', '');
        return Promise.resolve(['second', 'text/plain']);
      },
    };
    await expect(readRequestContent(request)).resolves.toEqual({ text: 'first' });
  });

  it('gives up with no body when nothing answers and when the promise rejects', async () => {
    await expect(readRequestContent({ getContent: () => undefined }, 1)).resolves.toEqual({});
    await expect(
      readRequestContent({ getContent: () => Promise.reject(new Error('gone')) }),
    ).resolves.toEqual({});
  });
});
