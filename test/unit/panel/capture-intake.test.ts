import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../src/core/har.ts';
import type { CaptureEvent } from '../../../src/platform/capture-channel.ts';
import { CaptureIntake } from '../../../src/panel/store/capture-intake.ts';

/**
 * The intake with a clock that advances 1 ms per entry fed and a hand-run task queue, so slicing
 * is checked by counting (what ran in which task), never by timing the machine.
 */
function harness(options: { sliceMs: number; publishMs: number; held?: boolean }) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const log: string[] = [];
  const intake = new CaptureIntake(
    {
      entries: (entries: readonly HarEntry[]) => {
        clock += entries.length;
        log.push(...entries.map((e) => e.request?.url ?? ''));
      },
      navigated: () => log.push('nav'),
      publish: () => log.push('publish'),
    },
    { ...options, now: () => clock, later: (task) => tasks.push(task) },
  );
  const runTask = (): boolean => {
    const task = tasks.shift();
    task?.();
    return task !== undefined;
  };
  return { intake, log, tasks, runTask };
}

const entries = (from: number, count: number): CaptureEvent[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'entry', entry: { request: { url: String(from + i) } } }));

describe('CaptureIntake', () => {
  it('feeds and publishes a small batch in the call that delivers it', async () => {
    const { intake, log, tasks } = harness({ sliceMs: 100, publishMs: 1000 });
    const done = intake.push(entries(0, 10));
    expect(log).toEqual([...Array.from({ length: 10 }, (_, i) => String(i)), 'publish']);
    expect(tasks).toHaveLength(0);
    await expect(done).resolves.toBeUndefined();
  });

  it('feeds a backlog in slices of about sliceMs, yielding between them, in order', async () => {
    const { intake, log, runTask } = harness({ sliceMs: 32, publishMs: 1000 });
    let settled = false;
    void intake.push(entries(0, 200)).then(() => (settled = true));
    const perTask: number[] = [log.filter((l) => l !== 'publish').length];
    while (runTask())
      perTask.push(log.filter((l) => l !== 'publish').length - perTask.reduce((a, b) => a + b, 0));
    // 16 entries per engine call, 1 ms each: two calls fit in 32 ms. The last task only publishes:
    // the first slice published less than publishMs before.
    expect(perTask).toEqual([32, 32, 32, 32, 32, 32, 8, 0]);
    expect(log.filter((l) => l !== 'publish')).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('updates the views at most every publishMs while a backlog drains, and once at the end', () => {
    const { intake, log, runTask } = harness({ sliceMs: 16, publishMs: 40 });
    void intake.push(entries(0, 160));
    while (runTask());
    const publishedAfter = log.flatMap((l, i) =>
      l === 'publish' ? [log.slice(0, i).filter((x) => x !== 'publish').length] : [],
    );
    expect(publishedAfter).toEqual([16, 64, 112, 160]);
  });

  it('publishes batches that come in quick succession together, at most every publishMs', async () => {
    const { intake, log, tasks, runTask } = harness({ sliceMs: 100, publishMs: 50 });
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
    const { intake, log, runTask } = harness({ sliceMs: 16, publishMs: 1000 });
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
    const { intake, log, tasks, runTask } = harness({ sliceMs: 16, publishMs: 1000 });
    const done = intake.push(entries(0, 100));
    intake.cancel();
    await expect(done).resolves.toBeUndefined();
    const fed = log.length;
    expect(tasks).toHaveLength(1);
    runTask();
    expect(log).toHaveLength(fed);
    expect(intake.backlog).toBe(0);
  });

  it('while held, queues every batch in order and feeds them all once released', async () => {
    const { intake, log, tasks, runTask } = harness({ sliceMs: 100, publishMs: 1000, held: true });
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
