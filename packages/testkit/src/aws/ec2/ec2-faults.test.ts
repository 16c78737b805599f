import {
  CreateVolumeCommand,
  DescribeAvailabilityZonesCommand,
  DescribeVolumesCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallLog, createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector, type FaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const HUB_TAG = 'hubfleet.io/hub';

describe('EC2 fake: faults and the call log', () => {
  let service: RunningEc2Fake | undefined;
  let ec2: EC2Client | undefined;

  afterEach(async () => {
    ec2?.destroy();
    await service?.close();
  });

  async function start(faults: FaultInjector, callLog: CallLog): Promise<EC2Client> {
    service = await startEc2Fake({ clock: createManualClock(), faults, callLog, region: 'us-west-2' });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      retryStrategy: new ConfiguredRetryStrategy(4, 1),
    });
    return ec2;
  }

  /** What a careful caller does for creates: retry with the same ClientToken, so a retry cannot duplicate. */
  async function createWithRetry(client: EC2Client, index: number): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        const volume = await client.send(
          new CreateVolumeCommand({
            AvailabilityZone: 'us-west-2a',
            Size: 1,
            VolumeType: 'gp3',
            ClientToken: `hubfleet-volume-${index}`,
            TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: HUB_TAG, Value: 'research' }] }],
          }),
        );
        return volume.VolumeId as string;
      } catch (problem) {
        if (attempt >= 3) throw problem;
      }
    }
  }

  it('survives a 10% random fault rate on every operation: SDK retries for reads, ClientToken retries for creates', async () => {
    const callLog = createCallLog();
    const client = await start(createFaultInjector({ rate: 0.1, seed: 2026 }), callLog);
    const created = new Set<string>();
    for (let index = 0; index < 25; index++) created.add(await createWithRetry(client, index));
    expect(created.size).toBe(25);
    for (let round = 0; round < 25; round++) {
      const found = await client.send(
        new DescribeVolumesCommand({ Filters: [{ Name: `tag:${HUB_TAG}`, Values: ['research'] }] }),
      );
      expect(found.Volumes).toHaveLength(25);
      const zones = await client.send(new DescribeAvailabilityZonesCommand({}));
      expect(zones.AvailabilityZones).toHaveLength(3);
    }
    const failed = callLog.calls.filter((call) => call.status === 0 || call.status >= 500);
    expect(failed.length).toBeGreaterThan(5);
    expect(new Set(failed.map((call) => call.status)).size).toBeGreaterThan(1);
    expect(failed.every((call) => [0, 500, 503].includes(call.status))).toBe(true);
  });

  it('renders throttling as RequestLimitExceeded 503, which the SDK retries', async () => {
    const callLog = createCallLog();
    const faults = createFaultInjector({
      scripted: [{ operation: 'ec2.DescribeVolumes', fault: 'throttle', times: 2 }],
    });
    const client = await start(faults, callLog);
    await expect(client.send(new DescribeVolumesCommand({}))).resolves.toHaveProperty('Volumes', []);
    expect(callLog.calls.map((call) => call.status)).toEqual([503, 503, 200]);
  });

  it('surfaces InternalError (500) and Unavailable (503) once retries run out', async () => {
    const faults = createFaultInjector({
      scripted: [
        { operation: 'ec2.DescribeVolumes', fault: 'server-error', times: 4 },
        { operation: 'ec2.DescribeAvailabilityZones', fault: 'unavailable', times: 4 },
      ],
    });
    const client = await start(faults, createCallLog());
    const internal = await client.send(new DescribeVolumesCommand({})).catch((problem: unknown) => problem);
    expect(internal).toBeInstanceOf(EC2ServiceException);
    expect(internal).toMatchObject({
      name: 'InternalError',
      $metadata: { httpStatusCode: 500, attempts: 4 },
    });
    const unavailable = await client
      .send(new DescribeAvailabilityZonesCommand({}))
      .catch((problem: unknown) => problem);
    expect(unavailable).toMatchObject({ name: 'Unavailable', $metadata: { httpStatusCode: 503 } });
  });

  it('answers a quota fault with the operation’s limit error, which is not retried', async () => {
    const callLog = createCallLog();
    const faults = createFaultInjector({
      scripted: [{ operation: 'ec2.CreateVolume', fault: 'quota', times: 1 }],
    });
    const client = await start(faults, callLog);
    const quota = await client
      .send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 1 }))
      .catch((problem: unknown) => problem);
    expect(quota).toMatchObject({ name: 'VolumeLimitExceeded', $metadata: { httpStatusCode: 400 } });
    expect(callLog.count({ operation: 'CreateVolume' })).toBe(1);
  });

  it('logs mutating calls apart from reads, including failed and unknown ones', async () => {
    const callLog = createCallLog();
    const client = await start(createFaultInjector(), callLog);
    await client.send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 1 }));
    await client.send(new CreateVolumeCommand({ AvailabilityZone: 'us-west-2a', Size: 1 }));
    await client.send(new DescribeVolumesCommand({}));
    await client.send(new DescribeAvailabilityZonesCommand({}));
    await client
      .send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] }))
      .catch(() => undefined);
    const unknown = await fetch(`${service?.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=RunInstances&Version=2016-11-15',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
    expect(callLog.count({ service: 'ec2', mutating: true })).toBe(2);
    expect(callLog.count({ service: 'ec2', mutating: false })).toBe(4);
    expect(callLog.calls.map((call) => [call.operation, call.mutating, call.status])).toEqual([
      ['CreateVolume', true, 200],
      ['CreateVolume', true, 200],
      ['DescribeVolumes', false, 200],
      ['DescribeAvailabilityZones', false, 200],
      ['DescribeVolumes', false, 400],
      ['Unknown', false, 400],
    ]);
  });
});
