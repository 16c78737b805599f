import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateVolumeCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { createEc2State } from './ec2-state.js';
import { findVolumesByTags, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

describe('EC2 fake state', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('persists to a state file, so a second process sees the same account (sim mode)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-ec2-'));
    directories.push(directory);
    const stateFile = join(directory, 'ec2.json');
    const clock = createClock(1000);
    const options = { clock, faults: createFaultInjector(), callLog: createCallLog(), stateFile };
    const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

    const first = await startEc2Fake(options);
    const firstClient = new EC2Client({ endpoint: first.url, region: 'us-east-1', credentials });
    const { VolumeId } = await firstClient.send(
      new CreateVolumeCommand({
        AvailabilityZone: 'us-east-1a',
        Size: 5,
        TagSpecifications: [
          { ResourceType: 'volume', Tags: [{ Key: 'hubfleet.io/hub', Value: 'research' }] },
        ],
      }),
    );
    firstClient.destroy();
    await first.close();

    const second = await startEc2Fake(options);
    const secondClient = new EC2Client({ endpoint: second.url, region: 'us-east-1', credentials });
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { Volumes } = await secondClient.send(new DescribeVolumesCommand({}));
      expect(Volumes).toMatchObject([{ VolumeId, State: 'available', Size: 5 }]);
    } finally {
      secondClient.destroy();
      await second.close();
    }
  });

  it('answers findVolumesByTags on plain state, for fakes that only hold the state file', () => {
    const state = createEc2State();
    state.volumes['vol-0000000000000000a'] = {
      volumeId: 'vol-0000000000000000a',
      size: 1,
      volumeType: 'gp3',
      availabilityZone: 'us-east-1a',
      encrypted: false,
      createTime: 0,
      state: 'creating',
      availableAt: 100,
      tags: { 'kubernetes.io/created-for/pvc/name': 'claim-alice' },
    };
    expect(findVolumesByTags(state, 50, { 'kubernetes.io/created-for/pvc/name': undefined })[0]?.state).toBe(
      'creating',
    );
    expect(
      findVolumesByTags(state, 100, { 'kubernetes.io/created-for/pvc/name': 'claim-alice' })[0]?.state,
    ).toBe('available');
    expect(findVolumesByTags(state, 100, { 'kubernetes.io/created-for/pvc/name': 'claim-bob' })).toEqual([]);
  });
});
