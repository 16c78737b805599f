import { describe, expect, it } from 'vitest';
import { KubernetesApiError } from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch } from './merge-patch.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

describe('merge patch (RFC 7386)', () => {
  it('merges objects, deletes on null and replaces arrays, as in the RFC examples', () => {
    expect(applyMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(applyMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
    expect(applyMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(applyMergePatch(['a'], { a: 'b' })).toEqual({ a: 'b' });
  });
});

describe('strategic merge patch (approximate)', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
        { name: 'sidecar', image: 'busybox' },
      ],
      tolerations: [{ key: 'a', operator: 'Exists' }],
    },
    metadata: { finalizers: ['x', 'y'] },
  };

  it('merges containers, env and ports element by element on their merge keys', () => {
    const patched = applyStrategicMergePatch(pod, {
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:2',
            env: [{ name: 'B', value: '2' }],
            ports: [{ containerPort: 80, name: 'http' }],
          },
        ],
      },
    });
    expect(patched).toMatchObject({
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:2',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80, name: 'http' }],
          },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    });
  });

  it('replaces lists without a merge key and honours $patch and $deleteFromPrimitiveList', () => {
    const patched = applyStrategicMergePatch(pod, {
      spec: {
        tolerations: [{ key: 'b', operator: 'Exists' }],
        containers: [{ name: 'sidecar', $patch: 'delete' }],
      },
      metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] },
      $setElementOrder: { ignored: true },
    });
    expect(patched).toEqual({
      spec: { containers: [pod.spec.containers[0]], tolerations: [{ key: 'b', operator: 'Exists' }] },
      metadata: { finalizers: ['y'] },
    });
    expect(applyStrategicMergePatch(pod, { spec: { $patch: 'replace', containers: [] } })).toEqual({
      ...pod,
      spec: { containers: [] },
    });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const document = { metadata: { labels: { 'app.kubernetes.io/name': 'hub' } }, list: [1, 2, 3] };

  it('adds, removes, replaces, moves, copies and tests', () => {
    expect(
      applyJsonPatch(document, [
        { op: 'add', path: '/list/-', value: 4 },
        { op: 'add', path: '/list/0', value: 0 },
        { op: 'remove', path: '/list/1' },
        { op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'proxy' },
        { op: 'copy', from: '/metadata/labels', path: '/copied' },
        { op: 'move', from: '/copied', path: '/moved' },
        { op: 'test', path: '/moved/app.kubernetes.io~1name', value: 'proxy' },
      ]),
    ).toEqual({
      metadata: { labels: { 'app.kubernetes.io/name': 'proxy' } },
      list: [0, 2, 3, 4],
      moved: { 'app.kubernetes.io/name': 'proxy' },
    });
    expect(document.list).toEqual([1, 2, 3]);
  });

  it('fails a test or a missing path with 422 and a malformed patch with 400', () => {
    const code = (patch: unknown) => {
      try {
        applyJsonPatch(document, patch);
      } catch (problem) {
        return problem instanceof KubernetesApiError ? problem.status.code : -1;
      }
      return 0;
    };
    expect(code([{ op: 'test', path: '/list/0', value: 9 }])).toBe(422);
    expect(code([{ op: 'remove', path: '/nope/x' }])).toBe(422);
    expect(code([{ op: 'jump', path: '/list' }])).toBe(400);
    expect(code({ op: 'add' })).toBe(400);
  });
});
