import { describe, expect, it } from 'vitest';
import { fieldOfPath, valuesChanges } from './values-diff.js';

describe('valuesChanges', () => {
  it('names each changed key with its old and new value, nothing that did not change', () => {
    const from = { singleuser: { memory: { guarantee: 500000000, limit: 1000000000 }, image: { tag: 'a' } } };
    const to = { singleuser: { memory: { guarantee: 750000000, limit: 1000000000 }, image: { tag: 'a' } } };
    expect(valuesChanges(from, to)).toEqual([
      {
        field: 'values.singleuser.memory.guarantee',
        path: ['values', 'singleuser', 'memory', 'guarantee'],
        from: 500000000,
        to: 750000000,
      },
    ]);
  });

  it('keeps keys with dots unambiguous, walks lists of equal length by index, and takes added keys whole', () => {
    const from = {
      nodeSelector: { 'hubfleet.io/nodegroup': 'users' },
      profiles: [{ slug: 'a' }, { slug: 'b' }],
    };
    const to = {
      nodeSelector: { 'hubfleet.io/nodegroup': 'gpu' },
      profiles: [{ slug: 'a' }, { slug: 'c' }],
      culling: { timeout: 3600 },
    };
    expect(valuesChanges(from, to).map((change) => [change.field, change.from, change.to])).toEqual([
      ['values.culling', undefined, { timeout: 3600 }],
      ['values.nodeSelector["hubfleet.io/nodegroup"]', 'users', 'gpu'],
      ['values.profiles[1].slug', 'b', 'c'],
    ]);
  });

  it('marks values under credential-like keys secret', () => {
    const [change] = valuesChanges(
      { grafana: { adminPassword: 'old' } },
      { grafana: { adminPassword: 'new' } },
    );
    expect(change).toMatchObject({ field: 'values.grafana.adminPassword', secret: true });
    expect(
      valuesChanges({ tls: { secretName: 'a' } }, { tls: { secretName: 'b' } })[0]?.secret,
    ).toBeUndefined();
    expect(fieldOfPath(['values', 'a-b', 0, 'c d'])).toBe('values.a-b[0]["c d"]');
  });
});
