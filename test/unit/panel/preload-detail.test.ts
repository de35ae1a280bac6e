import { describe, expect, it } from 'vitest';
import { LazyFailureDetail, preloadDetailWhenIdle } from '../../../src/panel/components/lazy-view.tsx';

describe('preloadDetailWhenIdle', () => {
  it('fetches the detail view once the idle callback runs, not before', async () => {
    const scheduled: { task: () => void; timeoutMs: number }[] = [];
    preloadDetailWhenIdle((task, timeoutMs) => scheduled.push({ task, timeoutMs }), 1_500);
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]?.timeoutMs).toBe(1_500);
    scheduled[0]?.task();
    // load() hands back the same promise the preload started: the chunk is fetched once.
    const first = LazyFailureDetail.load();
    expect(LazyFailureDetail.load()).toBe(first);
    const component = await first;
    expect(typeof component).toBe('function');
    expect(component.name).toBe('FailureDetail');
  });
});
