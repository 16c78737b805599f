import type { GaxiosError } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { staticAuth } from '../../../test/google-clients.js';
import { createManualClock } from '../../framework/clock.js';
import { startStorageFake } from './storage-fake.js';

const project = 'rhodes-cs';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(serviceAccounts: string[] = []) {
  const clock = createManualClock(Date.now());
  const fake = await startStorageFake({
    clock,
    projects: [project, 'other-project'],
    serviceAccountExists: (email) => serviceAccounts.includes(email),
  });
  running.push(fake);
  const auth = staticAuth();
  const call = async <T>(method: string, path: string, data?: unknown, headers?: Record<string, string>) =>
    (await auth.request<T>({ url: `${fake.url}${path}`, method: method as 'GET', data, headers })).data;
  const failure = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      const response = (error as GaxiosError).response;
      return { status: response?.status, body: response?.data as { error: Record<string, unknown> } };
    }
    throw new Error('expected the call to fail');
  };
  return { clock, fake, call, failure };
}

describe('Cloud Storage JSON API fake, driven by google-auth-library authorized requests', () => {
  it('inserts a labelled, versioned bucket with uniform access and refuses its name a second time', async () => {
    const { call, failure } = await start();
    const bucket = await call<Record<string, unknown>>('POST', `/storage/v1/b?project=${project}`, {
      name: 'rhodes-backups',
      location: 'us-central1',
      labels: { 'hubfleet-deployment': 'jupyter' },
      versioning: { enabled: true },
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    });
    expect(bucket).toMatchObject({
      kind: 'storage#bucket',
      name: 'rhodes-backups',
      location: 'US-CENTRAL1',
      locationType: 'region',
      labels: { 'hubfleet-deployment': 'jupyter' },
      versioning: { enabled: true },
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    });
    const again = await failure(call('POST', `/storage/v1/b?project=${project}`, { name: 'rhodes-backups' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 409,
      message: 'Your previous request to create the named bucket succeeded and you already own it.',
      errors: [{ reason: 'conflict' }],
    });
    const taken = await failure(
      call('POST', '/storage/v1/b?project=other-project', { name: 'rhodes-backups' }),
    );
    expect(taken.body.error.message).toMatch(/not available/);
    expect(
      (await failure(call('POST', `/storage/v1/b?project=${project}`, { name: 'Bad_Name!' }))).status,
    ).toBe(400);
    const missing = await failure(call('GET', '/storage/v1/b/nowhere'));
    expect(missing).toMatchObject({ status: 404, body: { error: { errors: [{ reason: 'notFound' }] } } });
    const patched = await call<Record<string, unknown>>('PATCH', '/storage/v1/b/rhodes-backups', {
      labels: { 'hubfleet-deployment': 'jupyter', team: 'cs' },
    });
    expect(patched).toMatchObject({
      metageneration: '2',
      labels: { team: 'cs' },
      versioning: { enabled: true },
    });
    expect(
      (await failure(call('PATCH', '/storage/v1/b/rhodes-backups?ifMetagenerationMatch=1', { labels: {} })))
        .status,
    ).toBe(412);
  });

  it('sets the bucket IAM policy only at the etag it was read at, and only for service accounts that exist', async () => {
    const robot = `velero@${project}.iam.gserviceaccount.com`;
    const { call, failure } = await start([robot]);
    await call('POST', `/storage/v1/b?project=${project}`, { name: 'rhodes-backups' });
    const policy = await call<{ etag: string; bindings: { role: string; members: string[] }[] }>(
      'GET',
      '/storage/v1/b/rhodes-backups/iam',
    );
    expect(policy.etag).toBe('CAE=');
    expect(policy.bindings.map((binding) => binding.role)).toContain('roles/storage.legacyBucketOwner');
    const granted = {
      ...policy,
      bindings: [
        ...policy.bindings,
        { role: 'roles/storage.objectAdmin', members: [`serviceAccount:${robot}`] },
      ],
    };
    const written = await call<{ etag: string; bindings: unknown[] }>(
      'PUT',
      '/storage/v1/b/rhodes-backups/iam',
      granted,
    );
    expect(written.etag).not.toBe('CAE=');
    expect(written.bindings).toContainEqual({
      role: 'roles/storage.objectAdmin',
      members: [`serviceAccount:${robot}`],
    });
    const stale = await failure(call('PUT', '/storage/v1/b/rhodes-backups/iam', granted));
    expect(stale).toMatchObject({
      status: 412,
      body: { error: { errors: [{ reason: 'conditionNotMet' }] } },
    });
    const ghost = {
      etag: written.etag,
      bindings: [
        {
          role: 'roles/storage.objectAdmin',
          members: [`serviceAccount:ghost@${project}.iam.gserviceaccount.com`],
        },
      ],
    };
    expect(await failure(call('PUT', '/storage/v1/b/rhodes-backups/iam', ghost))).toMatchObject({
      status: 400,
      body: {
        error: { message: `Service account ghost@${project}.iam.gserviceaccount.com does not exist.` },
      },
    });
  });

  it('creates an object only when none exists (ifGenerationMatch=0) and deletes only the generation named', async () => {
    const { call, failure, fake } = await start();
    await call('POST', `/storage/v1/b?project=${project}`, { name: 'locks', versioning: { enabled: true } });
    const path = '/upload/storage/v1/b/locks/o?uploadType=media&name=jupyter%2Flock.json';
    const json = { 'content-type': 'application/json' };
    const first = await call<{ generation: string; name: string }>(
      'POST',
      `${path}&ifGenerationMatch=0`,
      '{"id":"a"}',
      json,
    );
    expect(first.name).toBe('jupyter/lock.json');
    const taken = await failure(call('POST', `${path}&ifGenerationMatch=0`, '{"id":"b"}', json));
    expect(taken.status).toBe(412);
    const auth = staticAuth();
    const download = await auth.request<string>({
      url: `${fake.url}/storage/v1/b/locks/o/jupyter%2Flock.json?alt=media`,
      responseType: 'text',
    });
    expect(download.data).toBe('{"id":"a"}');
    expect(download.headers.get('x-goog-generation')).toBe(first.generation);
    const second = await call<{ generation: string }>(
      'POST',
      `${path}&ifGenerationMatch=${first.generation}`,
      '{"id":"c"}',
      json,
    );
    expect(second.generation).not.toBe(first.generation);
    const object = '/storage/v1/b/locks/o/jupyter%2Flock.json';
    expect((await failure(call('DELETE', `${object}?ifGenerationMatch=${first.generation}`))).status).toBe(
      412,
    );
    await call('DELETE', `${object}?ifGenerationMatch=${second.generation}`);
    expect((await failure(call('GET', object))).status).toBe(404);
    // The versioned bucket kept both overwritten generations, so it is not empty.
    expect(fake.state.noncurrent).toHaveLength(2);
    const busy = await failure(call('DELETE', '/storage/v1/b/locks'));
    expect(busy).toMatchObject({
      status: 409,
      body: { error: { message: 'The bucket you tried to delete is not empty.' } },
    });
  });

  it('lists every generation a page at a time, deletes each by generation, then the empty bucket', async () => {
    const { call, failure, fake } = await start();
    await call('POST', `/storage/v1/b?project=${project}`, {
      name: 'backups',
      versioning: { enabled: true },
    });
    const upload = (name: string, data: string) =>
      call('POST', `/upload/storage/v1/b/backups/o?uploadType=media&name=${encodeURIComponent(name)}`, data, {
        'content-type': 'application/json',
      });
    for (const data of ['1', '2', '3']) await upload('backups/a.json', data);
    await upload('backups/b.json', '1');
    await call('DELETE', '/storage/v1/b/backups/o/backups%2Fb.json');
    type Listing = {
      kind: string;
      items?: { name: string; generation: string; timeDeleted?: string }[];
      nextPageToken?: string;
    };
    const live = await call<Listing>('GET', '/storage/v1/b/backups/o');
    expect(live.items?.map((item) => item.name)).toEqual(['backups/a.json']);

    const seen: { name: string; generation: string; timeDeleted?: string }[] = [];
    let token: string | undefined;
    do {
      const page: Listing = await call<Listing>(
        'GET',
        `/storage/v1/b/backups/o?versions=true&maxResults=2${token === undefined ? '' : `&pageToken=${token}`}`,
      );
      expect(page.kind).toBe('storage#objects');
      seen.push(...(page.items ?? []));
      token = page.nextPageToken;
    } while (token !== undefined);
    expect(seen.map((item) => item.name)).toEqual([
      'backups/a.json',
      'backups/a.json',
      'backups/a.json',
      'backups/b.json',
    ]);
    expect(seen.filter((item) => item.timeDeleted !== undefined)).toHaveLength(3);
    expect(new Set(seen.map((item) => item.generation)).size).toBe(4);

    const busy = await failure(call('DELETE', '/storage/v1/b/backups'));
    expect(busy).toMatchObject({
      status: 409,
      body: { error: { code: 409, errors: [{ reason: 'conflict' }] } },
    });
    const [first] = seen;
    if (first === undefined) throw new Error('a generation should be listed');
    const bad = await failure(call('DELETE', '/storage/v1/b/backups/o/backups%2Fa.json?generation=12'));
    expect(bad).toMatchObject({
      status: 404,
      body: { error: { code: 404, errors: [{ reason: 'notFound' }] } },
    });
    for (const item of seen) {
      await call(
        'DELETE',
        `/storage/v1/b/backups/o/${encodeURIComponent(item.name)}?generation=${item.generation}`,
      );
    }
    const again = await failure(
      call('DELETE', `/storage/v1/b/backups/o/backups%2Fa.json?generation=${first.generation}`),
    );
    expect(again.status).toBe(404);
    expect(fake.state.noncurrent).toEqual([]);
    expect(await call<Listing>('GET', '/storage/v1/b/backups/o?versions=true')).toEqual({
      kind: 'storage#objects',
    });
    await call('DELETE', '/storage/v1/b/backups');
    const gone = await failure(call('GET', '/storage/v1/b/backups/o?versions=true'));
    expect(gone).toMatchObject({
      status: 404,
      body: { error: { code: 404, message: 'The specified bucket does not exist.' } },
    });
  });
});
