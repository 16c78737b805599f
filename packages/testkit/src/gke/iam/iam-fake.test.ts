import type { GaxiosError } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { googleFailure, staticAuth } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startGoogleIamFake } from './iam-fake.js';

const project = 'rhodes-cs';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(pools: string[]) {
  const fake = await startGoogleIamFake({
    clock: createManualClock(Date.now()),
    projects: [project],
    workloadPoolExists: (pool) => pools.includes(pool),
  });
  running.push(fake);
  const auth = staticAuth();
  const call = async <T>(method: string, path: string, data?: unknown) =>
    (
      await auth.request<T>({
        url: `${fake.url}/v1/projects/${project}${path}`,
        method: method as 'GET',
        data,
      })
    ).data;
  const failure = googleFailure;
  return { fake, call, failure };
}

describe('IAM v1 fake: service accounts and who may act as them', () => {
  it('creates a service account once, finds it by email, and forgets it when deleted', async () => {
    const { call, failure } = await start([]);
    const email = `velero-jupyter@${project}.iam.gserviceaccount.com`;
    const made = await call('POST', '/serviceAccounts', {
      accountId: 'velero-jupyter',
      serviceAccount: { displayName: 'velero (jupyter)' },
    });
    expect(made).toMatchObject({
      email,
      projectId: project,
      name: `projects/${project}/serviceAccounts/${email}`,
    });
    expect(await failure(call('POST', '/serviceAccounts', { accountId: 'velero-jupyter' }))).toMatchObject({
      status: 409,
      error: {
        status: 'ALREADY_EXISTS',
        message: `Service account velero-jupyter already exists within project projects/${project}.`,
      },
    });
    expect((await failure(call('POST', '/serviceAccounts', { accountId: 'Velero' }))).error.status).toBe(
      'INVALID_ARGUMENT',
    );
    expect(await call('GET', `/serviceAccounts/${email}`)).toMatchObject({ email });
    await call('DELETE', `/serviceAccounts/${email}`);
    expect(await failure(call('GET', `/serviceAccounts/${email}`))).toMatchObject({
      status: 404,
      error: { status: 'NOT_FOUND' },
    });
    const denied = await startGoogleIamFake({ clock: createManualClock(0), projects: ['elsewhere'] });
    running.push(denied);
    const refused = await staticAuth()
      .request({
        url: `${denied.url}/v1/projects/${project}/serviceAccounts`,
        method: 'POST',
        data: { accountId: 'velero-x1' },
      })
      .catch((error: GaxiosError) => error.response?.status);
    expect(refused).toBe(403);
  });

  it('binds a Workload Identity member only once its pool exists, and only at the etag read', async () => {
    const pools: string[] = [];
    const { call, failure } = await start(pools);
    const email = `velero-jupyter@${project}.iam.gserviceaccount.com`;
    await call('POST', '/serviceAccounts', { accountId: 'velero-jupyter' });
    const empty = await call<{ etag: string; bindings?: unknown[] }>(
      'POST',
      `/serviceAccounts/${email}:getIamPolicy`,
    );
    expect(empty).toEqual({ version: 1, etag: 'ACAB' });
    const member = `serviceAccount:${project}.svc.id.goog[velero/velero]`;
    const policy = {
      etag: empty.etag,
      bindings: [{ role: 'roles/iam.workloadIdentityUser', members: [member] }],
    };
    const noPool = await failure(call('POST', `/serviceAccounts/${email}:setIamPolicy`, { policy }));
    expect(noPool.status).toBe(400);
    expect(noPool.error.message).toMatch(`Identity Pool does not exist (${project}.svc.id.goog)`);
    pools.push(`${project}.svc.id.goog`);
    const set = await call<{ etag: string; bindings: unknown[] }>(
      'POST',
      `/serviceAccounts/${email}:setIamPolicy`,
      { policy },
    );
    expect(set.bindings).toEqual(policy.bindings);
    expect(await failure(call('POST', `/serviceAccounts/${email}:setIamPolicy`, { policy }))).toMatchObject({
      status: 409,
      error: { status: 'ABORTED' },
    });
  });
});
