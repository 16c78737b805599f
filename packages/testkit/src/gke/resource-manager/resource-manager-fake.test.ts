import { afterEach, describe, expect, it } from 'vitest';
import { googleFailure, staticAuth } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startResourceManagerFake } from './resource-manager-fake.js';

const project = 'rhodes-cs';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(projects = [project]) {
  const fake = await startResourceManagerFake({ clock: createManualClock(Date.now()), projects });
  running.push(fake);
  const auth = staticAuth();
  const call = async <T>(verb: string, data: unknown = {}) =>
    (await auth.request<T>({ url: `${fake.url}/v1/projects/${project}:${verb}`, method: 'POST', data })).data;
  const failure = googleFailure;
  return { fake, call, failure };
}

type Policy = { etag: string; version: number; bindings?: { role: string; members: string[] }[] };
const ROLE = 'roles/compute.storageAdmin';
const VELERO = 'serviceAccount:velero-jupyter@rhodes-cs.iam.gserviceaccount.com';

describe('Cloud Resource Manager v1 fake: a project IAM policy', () => {
  it('reads, replaces with the etag read, and refuses a stale etag with 409 ABORTED', async () => {
    const { fake, call, failure } = await start();
    const first = await call<Policy>('getIamPolicy');
    expect(first).toMatchObject({ version: 1 });
    expect(first.bindings).toBeUndefined();
    const set = await call<Policy>('setIamPolicy', {
      policy: { etag: first.etag, bindings: [{ role: ROLE, members: [VELERO] }] },
    });
    expect(set.bindings).toEqual([{ role: ROLE, members: [VELERO] }]);
    expect(set.etag).not.toBe(first.etag);
    expect(fake.state.policies[project]?.bindings).toEqual([{ role: ROLE, members: [VELERO] }]);
    expect(await failure(call('setIamPolicy', { policy: { etag: first.etag, bindings: [] } }))).toMatchObject(
      { status: 409, error: { code: 409, status: 'ABORTED' } },
    );
    expect((await call<Policy>('getIamPolicy')).etag).toBe(set.etag);
    expect(
      (await failure(call('setIamPolicy', { policy: { bindings: [{ role: 'owner', members: [VELERO] }] } })))
        .error.status,
    ).toBe('INVALID_ARGUMENT');
    expect((await failure(call('setIamPolicy', {}))).status).toBe(400);
    expect(
      (await failure(call('setIamPolicy', { policy: { bindings: [{ role: ROLE, members: ['allUsers'] }] } })))
        .error.status,
    ).toBe('INVALID_ARGUMENT');
  });

  it('answers 403 PERMISSION_DENIED on a project the caller has no role on', async () => {
    const { call, failure } = await start(['elsewhere']);
    expect(await failure(call('getIamPolicy'))).toMatchObject({
      status: 403,
      error: { status: 'PERMISSION_DENIED' },
    });
  });
});
