import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../src/core/har.ts';
import type { CaptureEvent } from '../../../src/platform/capture-channel.ts';
import { CaptureIntake } from '../../../src/panel/store/capture-intake.ts';

/**
 * The intake with a clock that advances 1 ms per entry fed and a hand-run task queue, so slicing
 * is checked by counting (what ran in which task), never by timing the machine.
 */
function harness(options: { sliceEntries?: number; sliceChars?: number; publishMs: number; held?: boolean }) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const log: string[] = [];
  /** What each task did: entries fed, and whether it published. The call to push is task 0. */
  const perTask: { fed: number; published: boolean }[] = [{ fed: 0, published: false }];
  const current = () => perTask[perTask.length - 1] as { fed: number; published: boolean };
  const intake = new CaptureIntake(
    {
      entries: (entries: readonly HarEntry[]) => {
        clock += entries.length;
        current().fed += entries.length;
        log.push(...entries.map((e) => e.request?.url ?? ''));
      },
      navigated: () => log.push('nav'),
      publish: () => {
        current().published = true;
        log.push('publish');
      },
    },
    { ...options, now: () => clock, later: (task) => tasks.push(task) },
  );
  const runTask = (): boolean => {
    const task = tasks.shift();
    if (task === undefined) return false;
    perTask.push({ fed: 0, published: false });
    task();
    return true;
  };
  return { intake, log, tasks, runTask, perTask };
}

const entries = (from: number, count: number, bodyChars = 0): CaptureEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'entry',
    entry: {
      request: { url: String(from + i) },
      ...(bodyChars > 0 ? { response: { content: { text: 'x'.repeat(bodyChars) } } } : {}),
    },
  }));

describe('CaptureIntake', () => {
  it('feeds and publishes a small batch in the call that delivers it', async () => {
    const { intake, log, tasks } = harness({ sliceEntries: 100, publishMs: 1000 });
    const done = intake.push(entries(0, 10));
    expect(log).toEqual([...Array.from({ length: 10 }, (_, i) => String(i)), 'publish']);
    expect(tasks).toHaveLength(0);
    await expect(done).resolves.toBeUndefined();
  });

  it('feeds a backlog in slices of sliceEntries, one per task, in order', async () => {
    const { intake, log, runTask, perTask } = harness({ sliceEntries: 32, publishMs: 1000 });
    let settled = false;
    void intake.push(entries(0, 200)).then(() => (settled = true));
    while (runTask());
    // 16 entries per engine call, two calls per slice. The first update (nothing shown yet) and the
    // last get tasks of their own: the drain took several tasks, so no update shares one with a slice.
    expect(perTask.map((t) => t.fed)).toEqual([32, 0, 32, 32, 32, 32, 32, 8, 0]);
    expect(perTask.map((t) => (t.published ? 'P' : '-')).join('')).toBe('-P------P');
    expect(log.filter((l) => l !== 'publish')).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('bounds a slice by body characters too: large bodies make shorter slices', () => {
    const { intake, runTask, perTask } = harness({ sliceEntries: 64, sliceChars: 10_000, publishMs: 1000 });
    void intake.push([...entries(0, 10, 4_000), ...entries(10, 40, 100)]);
    while (runTask());
    // 4,000-character bodies: a slice ends once 10,000 are reached (three entries, the one that
    // crosses the bound included); the last large one and the small ones then share a slice.
    // (The empty task after the first slice is the first update of the views.)
    expect(perTask.map((t) => t.fed)).toEqual([3, 0, 3, 3, 41, 0]);
  });

  it('feeds at least one entry per task, whatever its size', () => {
    const { intake, runTask, perTask } = harness({ sliceEntries: 64, sliceChars: 1_000, publishMs: 1000 });
    void intake.push(entries(0, 3, 50_000));
    while (runTask());
    expect(perTask.map((t) => t.fed)).toEqual([1, 0, 1, 1, 0]);
  });

  it('never updates the views in a task that also fed a slice, while a backlog drains', () => {
    const { intake, runTask, perTask } = harness({ sliceEntries: 16, publishMs: 40 });
    void intake.push(entries(0, 300));
    while (runTask());
    const shared = perTask.slice(1).filter((t) => t.fed > 0 && t.published);
    expect(shared).toEqual([]);
    expect(perTask.reduce((sum, t) => sum + t.fed, 0)).toBe(300);
  });

  it('updates the views at most every publishMs while a backlog drains, and once at the end', () => {
    const { intake, log, runTask } = harness({ sliceEntries: 16, publishMs: 40 });
    void intake.push(entries(0, 160));
    while (runTask());
    const publishedAfter = log.flatMap((l, i) =>
      l === 'publish' ? [log.slice(0, i).filter((x) => x !== 'publish').length] : [],
    );
    expect(publishedAfter).toEqual([16, 64, 112, 160]);
  });

  it('publishes batches that come in quick succession together, at most every publishMs', async () => {
    const { intake, log, tasks, runTask } = harness({ sliceEntries: 100, publishMs: 50 });
    void intake.push(entries(0, 2));
    const second = intake.push(entries(2, 2));
    const third = intake.push(entries(4, 2));
    // All six are fed at once, but only the first batch is on screen yet.
    expect(log).toEqual(['0', '1', 'publish', '2', '3', '4', '5']);
    expect(tasks).toHaveLength(1);
    let settled = false;
    void Promise.all([second, third]).then(() => (settled = true));
    runTask();
    expect(log.at(-1)).toBe('publish');
    expect(log.filter((l) => l === 'publish')).toHaveLength(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('delivers a navigation between the entries around it, and a later batch after an earlier one', () => {
    const { intake, log, runTask } = harness({ sliceEntries: 16, publishMs: 1000 });
    void intake.push([...entries(0, 20), { type: 'navigated', url: 'https://x.test/' }, ...entries(20, 2)]);
    void intake.push(entries(22, 1));
    while (runTask());
    expect(log.filter((l) => l !== 'publish')).toEqual([
      ...Array.from({ length: 20 }, (_, i) => String(i)),
      'nav',
      '20',
      '21',
      '22',
    ]);
  });

  it('forgets what is waiting when cancelled, and a continuation scheduled before does nothing', async () => {
    const { intake, log, tasks, runTask } = harness({ sliceEntries: 16, publishMs: 1000 });
    const done = intake.push(entries(0, 100));
    intake.cancel();
    await expect(done).resolves.toBeUndefined();
    const fed = log.length;
    expect(tasks).toHaveLength(1);
    runTask();
    expect(log).toHaveLength(fed);
    expect(intake.backlog).toBe(0);
  });

  it('feeds and publishes nothing while paused, then goes on in order where it stopped', async () => {
    const { intake, log, tasks, runTask, perTask } = harness({ sliceEntries: 16, publishMs: 0 });
    let settled = false;
    void intake.push(entries(0, 64)).then(() => (settled = true));
    const before = [...log];
    const resume = intake.pause();
    // The continuation queued before the pause comes due: it waits instead of feeding.
    while (runTask());
    // A batch arriving meanwhile is queued behind, not fed in the call that delivers it.
    void intake.push(entries(64, 4));
    expect(log).toEqual(before);
    expect(tasks).toHaveLength(0);
    expect(perTask.slice(1).every((t) => t.fed === 0 && !t.published)).toBe(true);
    await Promise.resolve();
    expect(settled).toBe(false);
    resume();
    expect(log).toEqual(before); // the rest comes in later tasks, not inside resume
    while (runTask());
    expect(log.filter((l) => l !== 'publish')).toEqual(Array.from({ length: 68 }, (_, i) => String(i)));
    expect(log.at(-1)).toBe('publish');
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('holds a view update that came due during a pause until the pause ends', () => {
    const { intake, log, runTask } = harness({ sliceEntries: 100, publishMs: 50 });
    void intake.push(entries(0, 1)); // fed and published at once
    void intake.push(entries(1, 1)); // fed; its update is scheduled publishMs later
    expect(log).toEqual(['0', 'publish', '1']);
    const resume = intake.pause();
    runTask();
    expect(log).toEqual(['0', 'publish', '1']);
    resume();
    while (runTask());
    expect(log).toEqual(['0', 'publish', '1', 'publish']);
  });

  it('resumes once every pause has ended; a second call of the same resume does nothing', () => {
    const { intake, log, runTask } = harness({ sliceEntries: 16, publishMs: 1000 });
    const first = intake.pause();
    const second = intake.pause();
    void intake.push(entries(0, 20));
    first();
    first();
    while (runTask());
    expect(log).toEqual([]);
    second();
    while (runTask());
    expect(log.filter((l) => l !== 'publish')).toHaveLength(20);
  });

  it('while held, queues every batch in order and feeds them all once released', async () => {
    const { intake, log, tasks, runTask } = harness({ sliceEntries: 100, publishMs: 1000, held: true });
    let settled = false;
    void intake.push(entries(0, 3)).then(() => (settled = true));
    void intake.push([{ type: 'navigated', url: 'https://shop.example/' }, ...entries(3, 2)]);
    expect(log).toEqual([]);
    expect(tasks).toHaveLength(0);
    expect(intake.backlog).toBe(6);
    await Promise.resolve();
    expect(settled).toBe(false);
    intake.release();
    while (runTask());
    expect(log).toEqual(['0', '1', '2', 'nav', '3', '4', 'publish']);
    await Promise.resolve();
    expect(settled).toBe(true);
    // Released for good: a later batch is fed in the call that delivers it.
    void intake.push(entries(5, 1));
    expect(log.at(-1)).toBe('5');
  });
});
