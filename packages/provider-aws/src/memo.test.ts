import { describe, expect, it } from 'vitest';
import { memo } from './memo.js';

describe('memo', () => {
  it('refresh joins a computation in flight (single-flight) and starts a new one once it settled', async () => {
    let runs = 0;
    let finish: (value: number) => void = () => {};
    const value = memo(
      () =>
        new Promise<number>((resolve) => {
          runs += 1;
          finish = resolve;
        }),
    );
    const first = value.get();
    const joined = value.refresh();
    expect(runs).toBe(1);
    finish(1);
    expect(await first).toBe(1);
    expect(await joined).toBe(1);
    const fresh = value.refresh();
    expect(runs).toBe(2);
    finish(2);
    expect(await fresh).toBe(2);
    expect(await value.get()).toBe(2);
  });

  it('forgets a failure, so the next call computes again', async () => {
    let runs = 0;
    const value = memo(async () => {
      runs += 1;
      if (runs === 1) throw new Error('transient');
      return runs;
    });
    await expect(value.get()).rejects.toThrow('transient');
    expect(await value.refresh()).toBe(2);
  });
});
