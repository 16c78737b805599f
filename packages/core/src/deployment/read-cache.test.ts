import { describe, expect, it } from 'vitest';
import { createReadCache } from './read-cache.js';

describe('createReadCache', () => {
  it('in snapshot mode reads once until refreshed', async () => {
    const cache = createReadCache('snapshot');
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.read('a', load)).toBe(1);
    expect(await cache.read('a', load)).toBe(1);
    cache.refresh();
    expect(await cache.read('a', load)).toBe(2);
  });

  it('in live mode shares only reads in flight at the same time', async () => {
    const cache = createReadCache('live');
    let reads = 0;
    const load = async () => ++reads;
    const [first, second] = await Promise.all([cache.read('a', load), cache.read('a', load)]);
    expect([first, second]).toEqual([1, 1]);
    expect(await cache.read('a', load)).toBe(2);
  });

  it('forgets a failed read, so the next one asks again', async () => {
    const cache = createReadCache('snapshot');
    await expect(cache.read('a', async () => Promise.reject(new Error('throttled')))).rejects.toThrow(
      'throttled',
    );
    expect(await cache.read('a', async () => 'ok')).toBe('ok');
  });
});
