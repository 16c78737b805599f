import {
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeVolumesCommand,
  type Filter,
  type Volume,
} from '@aws-sdk/client-ec2';
import {
  type HubConfig,
  HubfleetError,
  type ObservedVolumeV1,
  OwnershipTag,
  quantityToGiB,
  type VolumeApiV1,
} from '@hubfleet/core';
import { unlessNotFound } from './aws-call.js';
import { coreZone as coreZoneOf } from './aws-core-zone.js';
import type { AwsDeployment } from './aws-deployment.js';
import type { AwsNetworkApi } from './aws-network.js';
import { namedOwnershipTags, ownershipFilters, tagPairs, tagRecord } from './aws-tags.js';
import { observedVolume } from './map-volume.js';

/** The EBS CSI driver, which the NFS server's PersistentVolume names. */
export const EBS_CSI_DRIVER = 'ebs.csi.aws.com';

/**
 * Hubs' data volumes: gp3 EBS volumes in the zone the core nodegroup runs in (`aws-core-zone.ts`:
 * the NFS server that mounts one runs on a core node, and an EBS volume attaches only in its own
 * zone), tagged with deployment, component and hub, and found again by those tags.
 */
export function awsVolumes(aws: AwsDeployment, network: AwsNetworkApi): VolumeApiV1 {
  const { deployment } = aws;
  const subjectOf = (hub: string) => `volume/${hub}`;

  async function describe(filters: Filter[], subject: string): Promise<Volume[]> {
    const volumes: Volume[] = [];
    let NextToken: string | undefined;
    do {
      const page = await aws.call('ec2:DescribeVolumes', subject, (options) =>
        aws.clients.ec2.send(new DescribeVolumesCommand({ Filters: filters, NextToken }), options),
      );
      volumes.push(...(page.Volumes ?? []));
      NextToken = page.NextToken;
    } while (NextToken !== undefined);
    return volumes;
  }

  async function list(): Promise<ObservedVolumeV1[]> {
    const volumes = await describe(ownershipFilters(deployment, 'volume'), 'volumes');
    return volumes.flatMap((volume) => observedVolume(volume) ?? []);
  }

  const coreZone = () => coreZoneOf(aws, network);

  function tagsFor(hub: string) {
    return namedOwnershipTags(deployment, 'volume', `${deployment}-${hub}`, { hub });
  }

  async function describeOne(volumeId: string, subject: string): Promise<Volume | undefined> {
    const answer = await unlessNotFound(
      aws.call('ec2:DescribeVolumes', subject, (options) =>
        aws.clients.ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }), options),
      ),
    );
    return answer?.Volumes?.[0];
  }

  function refuseAdoption(hub: string, volumeId: string, why: string, hint: string): never {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `hub ${hub} cannot adopt volume ${volumeId}: ${why}`,
      hint,
      subject: `hubs.${hub}.storage.adoptVolume`,
    });
  }

  /** `storage.adoptVolume`: check the volume can serve this hub, then tag it as the hub's instead of creating one. */
  async function adopt(hub: HubConfig, volumeId: string): Promise<ObservedVolumeV1> {
    const subject = subjectOf(hub.name);
    const volume = await describeOne(volumeId, subject);
    if (volume === undefined) {
      refuseAdoption(
        hub.name,
        volumeId,
        `it does not exist in ${aws.clients.region}`,
        'check the id with `aws ec2 describe-volumes`',
      );
    }
    const current = tagRecord(volume.Tags);
    const owner = current[OwnershipTag.deployment];
    const ownerHub = current[OwnershipTag.hub];
    if ((owner !== undefined && owner !== deployment) || (ownerHub !== undefined && ownerHub !== hub.name)) {
      refuseAdoption(
        hub.name,
        volumeId,
        `it belongs to deployment ${owner ?? deployment}, hub ${ownerHub ?? '(none)'}`,
        'adopt a volume no other hub owns',
      );
    }
    const zone = await coreZone();
    if (volume.AvailabilityZone !== zone) {
      refuseAdoption(
        hub.name,
        volumeId,
        `it is in ${volume.AvailabilityZone}, but the core nodegroup (where the NFS server runs) is in ${zone}`,
        'snapshot the volume and create it again from the snapshot in the core zone, then adopt the new one',
      );
    }
    const wanted = tagsFor(hub.name);
    if (Object.entries(wanted).some(([key, value]) => current[key] !== value)) {
      await aws.call('ec2:CreateTags', subject, (options) =>
        aws.clients.ec2.send(
          new CreateTagsCommand({ Resources: [volumeId], Tags: tagPairs(wanted) }),
          options,
        ),
      );
    }
    const adopted = observedVolume({ ...volume, Tags: tagPairs({ ...current, ...wanted }) });
    if (adopted === undefined)
      refuseAdoption(hub.name, volumeId, `it is ${volume.State}`, 'adopt an available volume');
    return adopted;
  }

  /** ClientToken is left to the SDK: one per request, kept across its retries of that request. */
  async function createVolume(hub: HubConfig, zone: string): Promise<Volume> {
    return aws.call('ec2:CreateVolume', subjectOf(hub.name), (options) =>
      aws.clients.ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: zone,
          Size: quantityToGiB(hub.storage.size),
          VolumeType: 'gp3',
          Encrypted: true,
          TagSpecifications: [{ ResourceType: 'volume', Tags: tagPairs(tagsFor(hub.name)) }],
        }),
        options,
      ),
    );
  }

  async function create(hub: HubConfig): Promise<ObservedVolumeV1> {
    if (hub.storage.adoptVolume !== undefined) return adopt(hub, hub.storage.adoptVolume);
    const existing = (await list()).find((volume) => volume.hub === hub.name && volume.status !== 'deleting');
    if (existing !== undefined) return existing;
    const observed = observedVolume(await createVolume(hub, await coreZone()));
    if (observed === undefined)
      throw new HubfleetError({ kind: 'internal', message: 'CreateVolume returned no volume' });
    return observed;
  }

  async function snapshot(volume: ObservedVolumeV1): Promise<{ snapshotId: string }> {
    const subject = subjectOf(volume.hub);
    const tags = {
      ...namedOwnershipTags(deployment, 'volume', `${deployment}-${volume.hub}`, { hub: volume.hub }),
      'hubfleet.io/source-volume': volume.id,
    };
    const answer = await aws.call('ec2:CreateSnapshot', subject, (options) =>
      aws.clients.ec2.send(
        new CreateSnapshotCommand({
          VolumeId: volume.id,
          Description: `hubfleet: hub ${volume.hub} of deployment ${deployment}`,
          TagSpecifications: [{ ResourceType: 'snapshot', Tags: tagPairs(tags) }],
        }),
        options,
      ),
    );
    if (answer.SnapshotId === undefined)
      throw new HubfleetError({ kind: 'internal', message: 'CreateSnapshot returned no id' });
    return { snapshotId: answer.SnapshotId };
  }

  async function remove(volume: ObservedVolumeV1): Promise<void> {
    await unlessNotFound(
      aws.call('ec2:DeleteVolume', subjectOf(volume.hub), (options) =>
        aws.clients.ec2.send(new DeleteVolumeCommand({ VolumeId: volume.id }), options),
      ),
    );
  }

  return {
    list,
    create,
    snapshot,
    delete: remove,
    attachment: (volume) => ({
      csiDriver: EBS_CSI_DRIVER,
      volumeHandle: volume.id,
      ...(volume.zone === undefined ? {} : { zone: volume.zone }),
    }),
  };
}
