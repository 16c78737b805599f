import type { ResourceContextV1 } from '@hubfleet/core';
import { describe, expect, it, vi } from 'vitest';
import { operatorBucket, rhodesConfig } from '../test/gke-fake-world.js';
import { veleroWorlds } from '../test/gke-velero-world.js';
import { gkeAddons } from './gke-addons.js';
import { gkeBackupStorage } from './gke-backup-storage.js';
import type { ObservedVeleroIdentity } from './gke-velero-resource.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PROJECT = 'rhodes-cs';
const BUCKET = 'rhodes-cs-backups';
const EMAIL = `velero-jupyter@${PROJECT}.iam.gserviceaccount.com`;
const MEMBER = `serviceAccount:${PROJECT}.svc.id.goog[velero/velero]`;
const openWorld = veleroWorlds(PROJECT, BUCKET);
const world = async () => {
  const opened = await openWorld();
  return {
    ...opened,
    resource: opened.step<ObservedVeleroIdentity>('identity'),
    bucket: opened.step<unknown>('bucket'),
  };
};
const context = { signal: new AbortController().signal } as ResourceContextV1;

describe('velero on GKE: Workload Identity and the backup bucket', () => {
  it('makes the bucket, the Google service account and both grants once, then only reads', async () => {
    const { fakes, session, resource, bucket: bucketStep, mutating } = await world();
    expect(resource).toMatchObject({
      dependsOn: ['cluster', 'nodegroups', `resource:${BUCKET}`],
      requiredBy: ['tool:velero'],
    });
    expect(bucketStep).toMatchObject({ name: BUCKET, requiredBy: ['tool:velero'] });
    await session.cluster.create();
    expect(await resource.observe(context)).toBeUndefined();
    expect(resource.diff(undefined).action).toBe('create');
    await bucketStep.apply('create', context);
    await resource.apply('create', context);

    const bucket = fakes.storage.state.buckets[BUCKET];
    expect(bucket).toMatchObject({
      location: 'US-CENTRAL1',
      versioning: true,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      labels: { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'bucket' },
    });
    expect(bucket?.iam.bindings).toContainEqual({
      role: 'roles/storage.objectAdmin',
      members: [`serviceAccount:${EMAIL}`],
    });
    const account = fakes.iam.state.serviceAccounts[EMAIL];
    expect(account?.iam.bindings).toEqual(
      expect.arrayContaining([
        { role: 'roles/iam.workloadIdentityUser', members: [MEMBER] },
        { role: 'roles/iam.serviceAccountTokenCreator', members: [`serviceAccount:${EMAIL}`] },
      ]),
    );
    expect(fakes.resourcemanager.state.policies[PROJECT]?.bindings).toEqual([
      { role: 'roles/compute.storageAdmin', members: [`serviceAccount:${EMAIL}`] },
    ]);
    const observed = await resource.observe(context);
    expect(observed?.snapshotBinding).toBe(true);
    expect(resource.diff(observed)).toMatchObject({ action: 'noop' });

    const before = mutating();
    await resource.apply('update', context);
    expect(mutating(), 'a converged identity is only read').toBe(before);
  });

  it("annotates velero's service account with the Google account and names it in the backup location", () => {
    const config = rhodesConfig('jupyter', PROJECT, { backupBucket: BUCKET });
    const addon = gkeAddons(config).find((each) => each.name === 'gke-velero');
    expect(addon?.toolValues).toEqual({
      velero: {
        serviceAccount: {
          server: { create: true, name: 'velero', annotations: { 'iam.gke.io/gcp-service-account': EMAIL } },
        },
        credentials: { useSecret: false },
      },
    });
    expect(gkeBackupStorage.backupConfig(config)).toEqual({ serviceAccount: EMAIL });
    expect(gkeAddons(rhodesConfig('jupyter', PROJECT)).map((each) => each.name)).not.toContain('gke-velero');
  });

  it('turns Workload Identity on for an adopted cluster and its pools before IAM accepts the binding', async () => {
    const { fakes, session, resource, bucket } = await world();
    await session.cluster.create();
    await bucket.apply('create', context);
    // As if made by hand: no Workload Identity pool, pools on the Compute Engine metadata server.
    const cluster = Object.values(fakes.container.state.clusters)[0];
    if (cluster === undefined) throw new Error('the cluster should exist');
    delete cluster.workloadPool;
    for (const pool of Object.values(cluster.nodePools)) pool.config.workloadMetadataMode = 'GCE_METADATA';
    expect(await resource.observe(context)).toBeUndefined();
    await resource.apply('create', context);
    const observed = await resource.observe(context);
    expect(observed).toMatchObject({
      workloadPool: true,
      poolsWithoutMetadataServer: [],
      workloadBinding: true,
    });
    expect(cluster.workloadPool).toBe(`${PROJECT}.svc.id.goog`);
    const calls = fakes.callLog.calls.map((call) => call.operation);
    expect(calls).toContain('UpdateCluster');
    expect(calls.filter((operation) => operation === 'UpdateNodePool')).toHaveLength(
      Object.keys(cluster.nodePools).length,
    );
    for (const pool of Object.values(cluster.nodePools))
      expect(pool.config.workloadMetadataMode).toBe('GKE_METADATA');
  });

  it("uses an operator's own bucket as it is, and on delete removes the account and its grant but keeps the bucket", async () => {
    const { fakes, session, resource } = await world();
    await session.cluster.create();
    fakes.storage.state.buckets[BUCKET] = operatorBucket(BUCKET, PROJECT);
    await resource.apply('create', context);
    expect(fakes.storage.state.buckets[BUCKET]).toMatchObject({ versioning: false, labels: { team: 'cs' } });
    expect(resource.diff(await resource.observe(context)).action).toBe('noop');

    await resource.apply('delete', context);
    expect(await resource.observe(context)).toBeUndefined();
    expect(fakes.iam.state.serviceAccounts[EMAIL]).toBeUndefined();
    expect(fakes.storage.state.buckets[BUCKET]?.iam.bindings).toEqual([]);
  });

  it('grants compute.storageAdmin on the project once, retries a concurrent writer, and down takes only its member', async () => {
    const { fakes, session, resource, bucket, mutating } = await world();
    await session.cluster.create();
    await bucket.apply('create', context);
    const OTHER = 'user:ops@rhodes.edu';
    const SELF = `serviceAccount:${EMAIL}`;
    fakes.resourcemanager.state.policies[PROJECT] = {
      bindings: [
        { role: 'roles/owner', members: [OTHER] },
        { role: 'roles/compute.storageAdmin', members: [OTHER] },
      ],
      revision: 3,
    };
    // Another writer changes the project's policy right after hubfleet's first read of it (before
    // the write based on that read arrives): that write carries a stale etag.
    const state = fakes.resourcemanager.state;
    const original = state.policies;
    let raced = false;
    state.policies = new Proxy(original, {
      get(target, key, receiver) {
        if (key === PROJECT && !raced) {
          raced = true;
          setImmediate(() => {
            const record = target[PROJECT];
            if (record === undefined) return;
            target[PROJECT] = {
              bindings: [...record.bindings, { role: 'roles/viewer', members: [OTHER] }],
              revision: record.revision + 1,
            };
          });
        }
        return Reflect.get(target, key, receiver);
      },
    });
    await resource.apply('create', context);
    state.policies = original;
    expect(raced, 'a concurrent writer changed the policy in between').toBe(true);
    const setCalls = fakes.callLog.calls.filter((call) => call.operation === 'SetProjectIamPolicy');
    expect(setCalls.map((call) => call.status)).toEqual([409, 200]);
    expect(state.policies[PROJECT]?.bindings).toEqual(
      expect.arrayContaining([
        { role: 'roles/owner', members: [OTHER] },
        { role: 'roles/compute.storageAdmin', members: [OTHER, SELF] },
        { role: 'roles/viewer', members: [OTHER] },
      ]),
    );
    const observed = await resource.observe(context);
    expect(resource.diff(observed).action).toBe('noop');
    const before = mutating();
    await resource.observe(context);
    await resource.apply('update', context);
    expect(mutating(), 'a granted role is only read').toBe(before);

    // Taken away by hand: observe reports it, plan shows the update.
    const binding = state.policies[PROJECT]?.bindings.find(
      (each) => each.role === 'roles/compute.storageAdmin',
    );
    if (binding === undefined) throw new Error('the binding should exist');
    binding.members = [OTHER];
    const missing = await resource.observe(context);
    expect(missing?.snapshotBinding).toBe(false);
    expect(resource.diff(missing)).toMatchObject({
      action: 'update',
      changes: [{ field: 'snapshotBinding', from: false, to: true }],
    });
    await resource.apply('update', context);
    expect(binding.members).toEqual([OTHER]);
    expect(state.policies[PROJECT]?.bindings).toContainEqual({
      role: 'roles/compute.storageAdmin',
      members: [OTHER, SELF],
    });

    await resource.apply('delete', context);
    expect(state.policies[PROJECT]?.bindings).toEqual(
      expect.arrayContaining([
        { role: 'roles/owner', members: [OTHER] },
        { role: 'roles/compute.storageAdmin', members: [OTHER] },
        { role: 'roles/viewer', members: [OTHER] },
      ]),
    );
    expect(JSON.stringify(state.policies[PROJECT])).not.toContain(SELF);
  });
});
