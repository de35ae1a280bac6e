import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { LazyFailureDetail, preloadDetailOnFirstFailure } from '../../../src/panel/components/lazy-view.tsx';

describe('preloadDetailOnFirstFailure', () => {
  it('asks for the detail chunk after the frame that lists the first failure, once', async () => {
    const listed = signal(false);
    const painted: (() => void)[] = [];
    const stop = preloadDetailOnFirstFailure(listed, (task) => painted.push(task));
    // Nothing listed: nothing to select, nothing fetched.
    expect(painted).toHaveLength(0);
    listed.value = true;
    expect(painted).toHaveLength(1);
    // Cleared and listed again: the chunk was already asked for.
    listed.value = false;
    listed.value = true;
    expect(painted).toHaveLength(1);
    painted[0]?.();
    // load() hands back the promise the preload started: the chunk is fetched once.
    const first = LazyFailureDetail.load();
    expect(LazyFailureDetail.load()).toBe(first);
    const component = await first;
    expect(component.name).toBe('FailureDetail');
    stop();
  });

  it('asks at once when failures are listed before it starts watching', () => {
    const painted: (() => void)[] = [];
    preloadDetailOnFirstFailure(signal(true), (task) => painted.push(task))();
    expect(painted).toHaveLength(1);
  });
});
