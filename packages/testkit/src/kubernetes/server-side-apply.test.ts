import { describe, expect, it } from 'vitest';
import type { KubeObject } from './kube-object.js';
import { fromFieldsV1, leafPaths, readManagedFields, toFieldsV1 } from './managed-fields.js';
import { BUILT_IN_RESOURCE_TYPES } from './resource-types.js';
import { type ApplyRequest, applyToLive, ownershipOnCreate } from './server-side-apply.js';

const deployments = BUILT_IN_RESOURCE_TYPES.find((type) => type.plural === 'deployments');

function request(configuration: KubeObject, manager: string, force = false): ApplyRequest {
  if (!deployments) throw new Error('deployments type missing');
  return {
    type: deployments,
    configuration,
    manager,
    force,
    apiVersion: 'apps/v1',
    time: '2025-01-01T00:00:00Z',
  };
}

function config(containers: KubeObject[], labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'hub', labels },
    spec: { template: { spec: { containers } } },
  };
}

describe('field ownership (FieldsV1)', () => {
  it('records keyed list elements with their key and round-trips through fieldsV1', () => {
    const fields = leafPaths({ spec: { containers: [{ name: 'web', image: 'a' }], replicas: 1 } });
    const encoded = toFieldsV1(fields);
    expect(encoded).toEqual({
      'f:spec': {
        'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } },
        'f:replicas': {},
      },
    });
    expect(fromFieldsV1(encoded)).toEqual(fields);
  });
});

describe('server-side apply', () => {
  it('removes what the manager stopped applying but keeps what others own', () => {
    const first = config(
      [
        { name: 'web', image: 'a' },
        { name: 'sidecar', image: 'b' },
      ],
      { app: 'hub', team: 'x' },
    );
    const live: KubeObject = structuredClone(first);
    ownershipOnCreate(request(first, 'hubfleet'), live);
    (live.metadata as Record<string, unknown>).annotations = { note: 'kept' };
    const next = applyToLive(
      live,
      request(config([{ name: 'web', image: 'c' }], { app: 'hub' }), 'hubfleet'),
    );
    expect(next.metadata).toMatchObject({ labels: { app: 'hub' }, annotations: { note: 'kept' } });
    expect(next.spec).toEqual({ template: { spec: { containers: [{ name: 'web', image: 'c' }] } } });
    expect(readManagedFields(next).map((entry) => entry.manager)).toEqual(['hubfleet']);
  });

  it('conflicts with another manager over a differing value unless forced, then takes the field over', () => {
    const live: KubeObject = config([{ name: 'web', image: 'a' }], {});
    ownershipOnCreate(request(config([{ name: 'web', image: 'a' }], {}), 'helm'), live);
    const mine = config([{ name: 'web', image: 'b' }], {});
    expect(() => applyToLive(live, request(mine, 'hubfleet'))).toThrow(
      /conflict with "helm" using apps\/v1: \.spec\.template\.spec\.containers\[name="web"\]\.image/,
    );
    const same = applyToLive(live, request(config([{ name: 'web', image: 'a' }], {}), 'hubfleet'));
    expect(
      readManagedFields(same)
        .map((entry) => entry.manager)
        .sort(),
    ).toEqual(['helm', 'hubfleet']);
    const forced = applyToLive(live, request(mine, 'hubfleet', true));
    expect(forced.spec).toEqual({ template: { spec: { containers: [{ name: 'web', image: 'b' }] } } });
    const helm = readManagedFields(forced).find((entry) => entry.manager === 'helm');
    expect([...(helm?.fields ?? [])].some((path) => path.includes('f:image'))).toBe(false);
  });
});
