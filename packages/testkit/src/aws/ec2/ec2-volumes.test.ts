import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeleteVolumeCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  DetachVolumeCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const HUB_TAG = 'hubfleet.io/hub';

/** The error an SDK call rejects with, for asserting on its typed name and HTTP status. */
async function failure(promise: Promise<unknown>): Promise<EC2ServiceException> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof EC2ServiceException) return problem;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

describe('EC2 fake: EBS volumes through the real @aws-sdk/client-ec2', () => {
  let clock: ReturnType<typeof createManualClock>;
  let service: RunningEc2Fake;
  let ec2: EC2Client;

  beforeEach(async () => {
    clock = createManualClock();
    service = await startEc2Fake({
      clock,
      faults: createFaultInjector(),
      callLog: createCallLog(),
      region: 'us-west-2',
    });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
  });

  afterEach(async () => {
    ec2.destroy();
    await service.close();
  });

  async function createHubVolume(hub: string, extra: { ClientToken?: string; Size?: number } = {}) {
    return ec2.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-west-2a',
        Size: extra.Size ?? 10,
        VolumeType: 'gp3',
        ClientToken: extra.ClientToken,
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: HUB_TAG, Value: hub }] }],
      }),
    );
  }

  it('creates a tagged gp3 volume that DescribeVolumes finds by a tag:<key> filter', async () => {
    const created = await createHubVolume('research');
    await createHubVolume('teaching');
    expect(created).toMatchObject({
      Size: 10,
      VolumeType: 'gp3',
      Iops: 3000,
      Throughput: 125,
      State: 'creating',
    });
    expect(created.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(created.CreateTime).toBeInstanceOf(Date);
    expect(created.Tags).toEqual([{ Key: HUB_TAG, Value: 'research' }]);

    const found = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: `tag:${HUB_TAG}`, Values: ['research'] }] }),
    );
    expect(found.Volumes?.map((volume) => volume.VolumeId)).toEqual([created.VolumeId]);

    const byKey = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'tag-key', Values: [HUB_TAG] }] }),
    );
    expect(byKey.Volumes).toHaveLength(2);
    const wildcard = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [
          { Name: `tag:${HUB_TAG}`, Values: ['teach*'] },
          { Name: 'availability-zone', Values: ['us-west-2a'] },
          { Name: 'status', Values: ['creating', 'available'] },
        ],
      }),
    );
    expect(wildcard.Volumes).toHaveLength(1);
    expect(
      service.fake.findVolumesByTags({ [HUB_TAG]: 'research' }).map((volume) => volume.volumeId),
    ).toEqual([created.VolumeId]);
  });

  it('moves a volume from creating to available as the clock passes the modelled duration', async () => {
    const { VolumeId } = await createHubVolume('research');
    const state = async () =>
      (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [VolumeId as string] }))).Volumes?.[0]?.State;
    expect(await state()).toBe('creating');
    clock.advance(9_000);
    expect(await state()).toBe('creating');
    clock.advance(1_000);
    expect(await state()).toBe('available');
  });

  it('returns the same volume for a repeated ClientToken, and rejects the token with other parameters', async () => {
    const first = await createHubVolume('research', { ClientToken: 'hubfleet-research-home' });
    const again = await createHubVolume('research', { ClientToken: 'hubfleet-research-home' });
    expect(again.VolumeId).toBe(first.VolumeId);
    expect((await ec2.send(new DescribeVolumesCommand({}))).Volumes).toHaveLength(1);
    const mismatch = await failure(
      createHubVolume('research', { ClientToken: 'hubfleet-research-home', Size: 20 }),
    );
    expect(mismatch.name).toBe('IdempotentParameterMismatch');
  });

  it('answers unknown and malformed volume ids with InvalidVolume.NotFound and InvalidVolumeID.Malformed', async () => {
    const missing = await failure(
      ec2.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] })),
    );
    expect(missing.name).toBe('InvalidVolume.NotFound');
    expect(missing.$metadata.httpStatusCode).toBe(400);
    expect(missing.message).toBe("The volume 'vol-0123456789abcdef0' does not exist.");
    const malformed = await failure(ec2.send(new DeleteVolumeCommand({ VolumeId: 'disk-1' })));
    expect(malformed.name).toBe('InvalidVolumeID.Malformed');
  });

  it('validates parameters as EC2 does: missing zone, unknown zone, size out of range, unknown filter', async () => {
    const noZone = await failure(ec2.send(new CreateVolumeCommand({ Size: 10 } as never)));
    expect(noZone).toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter zone',
    });
    const badZone = await failure(
      ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2z', Size: 10 })),
    );
    expect(badZone.name).toBe('InvalidZone.NotFound');
    const tooBig = await failure(
      ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 20_000, VolumeType: 'gp3' })),
    );
    expect(tooBig.name).toBe('InvalidParameterValue');
    const badFilter = await failure(
      ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
    );
    expect(badFilter).toMatchObject({
      name: 'InvalidParameterValue',
      message: "The filter 'colour' is invalid",
    });
  });

  it('refuses to delete an attached volume (VolumeInUse), then deletes it after detach: deleting → gone', async () => {
    const { VolumeId } = await createHubVolume('research');
    const volumeId = VolumeId as string;
    const early = await failure(
      ec2.send(
        new AttachVolumeCommand({
          VolumeId: volumeId,
          InstanceId: 'i-0123456789abcdef0',
          Device: '/dev/xvdba',
        }),
      ),
    );
    expect(early.name).toBe('IncorrectState');
    clock.advance(10_000);

    const attachment = await ec2.send(
      new AttachVolumeCommand({
        VolumeId: volumeId,
        InstanceId: 'i-0123456789abcdef0',
        Device: '/dev/xvdba',
      }),
    );
    expect(attachment).toMatchObject({
      State: 'attaching',
      InstanceId: 'i-0123456789abcdef0',
      Device: '/dev/xvdba',
    });
    clock.advance(3_000);
    const attached = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes?.[0];
    expect(attached).toMatchObject({
      State: 'in-use',
      Attachments: [{ State: 'attached', InstanceId: 'i-0123456789abcdef0' }],
    });

    const inUse = await failure(ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId })));
    expect(inUse.name).toBe('VolumeInUse');
    expect(inUse.$metadata.httpStatusCode).toBe(400);

    expect((await ec2.send(new DetachVolumeCommand({ VolumeId: volumeId }))).State).toBe('detaching');
    clock.advance(3_000);
    await ec2.send(new DeleteVolumeCommand({ VolumeId: volumeId }));
    const deleting = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'status', Values: ['deleting'] }] }),
    );
    expect(deleting.Volumes?.map((volume) => volume.VolumeId)).toEqual([volumeId]);
    clock.advance(5_000);
    expect((await failure(ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })))).name).toBe(
      'InvalidVolume.NotFound',
    );
  });

  it('snapshots a volume: pending → completed, restorable into a new volume, then deleted', async () => {
    const { VolumeId } = await createHubVolume('research', { Size: 50 });
    clock.advance(10_000);
    const snapshot = await ec2.send(
      new CreateSnapshotCommand({
        VolumeId,
        Description: 'hubfleet onDelete: snapshot',
        TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: HUB_TAG, Value: 'research' }] }],
      }),
    );
    expect(snapshot).toMatchObject({ State: 'pending', VolumeId, VolumeSize: 50, OwnerId: '123456789012' });
    const snapshotId = snapshot.SnapshotId as string;
    const restoreTooEarly = await failure(
      ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2b', SnapshotId: snapshotId })),
    );
    expect(restoreTooEarly.name).toBe('IncorrectState');

    clock.advance(120_000);
    const described = await ec2.send(
      new DescribeSnapshotsCommand({
        OwnerIds: ['self'],
        Filters: [{ Name: `tag:${HUB_TAG}`, Values: ['research'] }],
      }),
    );
    expect(described.Snapshots).toMatchObject([
      { SnapshotId: snapshotId, State: 'completed', Progress: '100%' },
    ]);
    const restored = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: 'us-west-2b', SnapshotId: snapshotId }),
    );
    expect(restored).toMatchObject({ Size: 50, SnapshotId: snapshotId, VolumeType: 'gp2' });

    await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
    const gone = await failure(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })));
    expect(gone.name).toBe('InvalidSnapshot.NotFound');
  });

  it('tags, untags and describes tags across resource types', async () => {
    const { VolumeId } = await createHubVolume('research');
    const volumeId = VolumeId as string;
    await ec2.send(
      new CreateTagsCommand({
        Resources: [volumeId],
        Tags: [
          { Key: 'Name', Value: 'home' },
          { Key: 'tier', Value: '' },
        ],
      }),
    );
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [volumeId] }] }),
    );
    expect(tags.Tags?.map((tag) => [tag.Key, tag.Value, tag.ResourceType])).toEqual([
      [HUB_TAG, 'research', 'volume'],
      ['Name', 'home', 'volume'],
      ['tier', '', 'volume'],
    ]);
    await ec2.send(
      new DeleteTagsCommand({
        Resources: [volumeId],
        Tags: [{ Key: 'Name', Value: 'other' }, { Key: 'tier' }],
      }),
    );
    const remaining = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes?.[0]
      ?.Tags;
    expect(remaining?.map((tag) => tag.Key)).toEqual([HUB_TAG, 'Name']);
    const unknown = await failure(
      ec2.send(
        new CreateTagsCommand({ Resources: ['vol-0000000000000000f'], Tags: [{ Key: 'a', Value: 'b' }] }),
      ),
    );
    expect(unknown.name).toBe('InvalidVolume.NotFound');
  });

  it('enforces the storage quota with VolumeLimitExceeded (not retried)', async () => {
    await service.close();
    const callLog = createCallLog();
    service = await startEc2Fake({
      clock,
      faults: createFaultInjector(),
      callLog,
      region: 'us-west-2',
      quotas: { storageGiBPerVolumeType: 100 },
    });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
    await createHubVolume('research', { Size: 80 });
    const overQuota = await failure(createHubVolume('teaching', { Size: 30 }));
    expect(overQuota.name).toBe('VolumeLimitExceeded');
    expect(callLog.count({ operation: 'CreateVolume' })).toBe(2);
  });

  it('lets other fakes create, attach and find volumes directly (the EBS CSI driver view)', async () => {
    const volume = service.fake.createVolume({
      availabilityZone: 'us-west-2c',
      size: 10,
      volumeType: 'gp3',
      tags: { 'ebs.csi.aws.com/cluster': 'true', 'kubernetes.io/created-for/pvc/name': 'claim-alice' },
    });
    clock.advance(10_000);
    service.fake.attachVolume({
      volumeId: volume.volumeId,
      instanceId: 'i-0123456789abcdef0',
      device: '/dev/xvdbb',
    });
    const [found] = service.fake.findVolumesByTags({ 'kubernetes.io/created-for/pvc/name': 'claim-alice' });
    expect(found).toMatchObject({ volumeId: volume.volumeId, state: 'in-use' });
    const seen = await ec2.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: ['i-0123456789abcdef0'] }],
      }),
    );
    expect(seen.Volumes?.[0]?.VolumeId).toBe(volume.volumeId);
  });
});
