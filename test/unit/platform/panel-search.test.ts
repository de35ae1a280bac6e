import { describe, expect, it } from 'vitest';
import {
  asSearchEvent,
  forwardSearch,
  listenForSearch,
  type SearchEvent,
} from '../../../src/platform/panel-search.ts';

describe('panel search forwarding', () => {
  it('carries the find bar’s events from the devtools page to the panel of the same tab only', async () => {
    let emit: ((action: string, query?: string) => void) | undefined;
    const panel = {
      onSearch: { addListener: (cb: (action: string, query?: string) => void) => (emit = cb) },
    };
    forwardSearch(panel, 7);
    const seen: SearchEvent[] = [];
    const other: SearchEvent[] = [];
    const stop = listenForSearch(7, (event) => seen.push(event));
    const stopOther = listenForSearch(8, (event) => other.push(event));
    emit?.('performSearch', 'persona');
    emit?.('nextSearchResult');
    emit?.('cancelSearch');
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual([
      { action: 'performSearch', query: 'persona' },
      { action: 'nextSearchResult' },
      { action: 'cancelSearch' },
    ]);
    expect(other).toEqual([]);
    stop();
    stopOther();
  });

  it('ignores anything that is not a search event, and a panel object without onSearch (Firefox)', () => {
    expect(asSearchEvent({ action: 'deleteEverything' })).toBeUndefined();
    expect(asSearchEvent('performSearch')).toBeUndefined();
    expect(asSearchEvent({ action: 'performSearch', query: 3 })).toEqual({ action: 'performSearch' });
    expect(() => forwardSearch({}, 1)).not.toThrow();
  });
});
