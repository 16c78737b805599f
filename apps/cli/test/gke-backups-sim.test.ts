import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './cli-harness.js';
import { callsDuring, inventory, sim, simWorkspace } from './sim-harness.js';

const BUCKET = 'rhodes-cs-velero';
const ACCOUNT = 'velero-jupyter@rhodes-cs.iam.gserviceaccount.com';

/** Rhodes with velero on, writing to a GCS bucket. */
const withBackups = (text: string) =>
  text.replace('tools:\n', `tools:\n  backups: { enabled: true, bucket: ${BUCKET} }\n`);

interface StoredBucket {
  labels: Record<string, string>;
  versioning: boolean;
  uniformBucketLevelAccess: boolean;
  publicAccessPrevention: string;
  iam: { bindings: { role: string; members: string[] }[] };
}

/**
 * velero on GKE through Workload Identity, end to end on the simulated project: the bucket, the Google
 * service account and its grants are made once, read on the second `up`; `down --delete-data` keeps the
 * bucket (and the static address) while a hub says `onDelete: retain`, and only with every hub's
 * `onDelete: delete` empties and deletes it.
 */
describe('hubfleet up / down --sim: Rhodes with velero backups to GCS', { timeout: 600_000 }, () => {
  const workspace = simWorkspace('gke-rhodes.yaml', withBackups);
  const state = <T>(service: string): T =>
    JSON.parse(readFileSync(join(workspace.stateDirectory, `${service}.json`), 'utf8')) as T;
  const bucket = () => state<{ buckets: Record<string, StoredBucket> }>('storage').buckets[BUCKET];

  it('up makes the bucket, the service account and both grants before velero', async () => {
    const run = await sim(workspace, 'up', ['--yes']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(bucket()).toMatchObject({
      labels: { 'hubfleet-deployment': 'jupyter', 'hubfleet-component': 'bucket' },
      versioning: true,
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
    });
    expect(bucket()?.iam.bindings).toContainEqual({
      role: 'roles/storage.objectAdmin',
      members: [`serviceAccount:${ACCOUNT}`],
    });
    const accounts = state<{
      serviceAccounts: Record<string, { iam: { bindings: { role: string; members: string[] }[] } }>;
    }>('iam').serviceAccounts;
    expect(accounts[ACCOUNT]?.iam.bindings).toContainEqual({
      role: 'roles/iam.workloadIdentityUser',
      members: ['serviceAccount:rhodes-cs.svc.id.goog[velero/velero]'],
    });
    expect((await inventory(workspace, 'jupyter')).identities).toEqual([
      { name: ACCOUNT, kind: 'service-account', deployment: 'jupyter' },
    ]);
    const status = JSON.parse((await sim(workspace, 'status', ['--output', 'json'])).stdout);
    expect(status.resources).toContainEqual(expect.objectContaining({ id: 'identity/velero', ready: true }));
    expect(status.resources).toContainEqual(expect.objectContaining({ id: `bucket/${BUCKET}`, ready: true }));
    expect(status.tools).toContainEqual(expect.objectContaining({ release: 'velero', ready: true }));
  });

  it('a second up only reads', async () => {
    const { result, calls } = await callsDuring(workspace, () => sim(workspace, 'up', ['--yes']));
    expect(result.code).toBe(0);
    expect(calls.filter((call) => call.mutating)).toEqual([]);
  });

  // --delete-data deletes only what every hub's onDelete allows: with the hub's `retain`, this down
  // keeps the bucket and the static address, and says which hub keeps them.
  it('down --delete-data with onDelete: retain removes the service account and its grant, and keeps the bucket and the address', async () => {
    const run = await sim(workspace, 'down', ['--yes', '--delete-data']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const state = await inventory(workspace, 'jupyter');
    expect(state.identities).toEqual([]);
    expect(state.clusters).toEqual([]);
    expect(bucket()).toMatchObject({ labels: { 'hubfleet-deployment': 'jupyter' }, versioning: true });
    expect(bucket()?.iam.bindings.map((binding) => binding.role)).not.toContain('roles/storage.objectAdmin');
    expect(run.stdout).toMatch(
      new RegExp(
        `Kept bucket/${BUCKET}: not every hub has storage\\.onDelete: delete \\(hub jhub \\(retain\\)\\)`,
      ),
    );
    expect(run.stdout).toMatch(
      /Kept address\/jupyter-ip: not every hub has storage\.onDelete: delete \(hub jhub \(retain\)\), so the static address jupyter-ip \(35\.225\.\d+\.\d+\) that rhodes-py\.org's DNS points at stays\./,
    );
    expect(state.addresses.map((address) => address.name)).toEqual(['jupyter-ip']);
  });

  it('down --delete-data with every hub deleting empties the bucket (every generation) and deletes it', async () => {
    writeFileSync(
      workspace.config,
      readFileSync(workspace.config, 'utf8').replace('onDelete: retain', 'onDelete: delete'),
    );
    // A backup velero wrote, in two generations: the live one and the one it overwrote.
    const file = join(workspace.stateDirectory, 'storage.json');
    const storage = JSON.parse(readFileSync(file, 'utf8'));
    const backup = {
      bucket: BUCKET,
      name: 'backups/nightly/velero-backup.json',
      metageneration: 1,
      contentType: 'application/json',
      data: '{}',
      timeCreated: 0,
      updated: 0,
    };
    storage.objects[`${BUCKET}/${backup.name}`] = { ...backup, generation: '1700000000000002' };
    storage.noncurrent.push({ ...backup, generation: '1700000000000001', timeDeleted: 0 });
    writeFileSync(file, JSON.stringify(storage));

    const { result: run, calls } = await callsDuring(workspace, () =>
      sim(workspace, 'down', ['--yes', '--delete-data']),
    );
    // Both generations of the backup, and the deployment lock's own object when down releases it.
    const deleted = calls.filter((call) => call.operation === 'DeleteObject');
    expect(deleted.map((call) => call.status)).toEqual([204, 204, 204]);
    expect(calls.map((call) => call.operation)).toContain('ListObjects');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    expect(bucket()).toBeUndefined();
    const left = state<{ objects: Record<string, unknown>; noncurrent: unknown[] }>('storage');
    expect(Object.keys(left.objects).filter((key) => key.startsWith(`${BUCKET}/`))).toEqual([]);
    expect(left.noncurrent).toEqual([]);
  });
});
