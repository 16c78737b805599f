import type { Volume } from '@aws-sdk/client-ec2';
import { type ObservedVolumeV1, OwnershipTag } from '@hubfleet/core';
import { tagRecord } from './aws-tags.js';
import { volumeStatus } from './map-status.js';

/** DescribeVolumes' answer in hubfleet's words; undefined for a deleted volume or one without a hub tag. */
export function observedVolume(volume: Volume): ObservedVolumeV1 | undefined {
  const tags = tagRecord(volume.Tags);
  const status = volumeStatus(volume.State);
  const hub = tags[OwnershipTag.hub];
  if (volume.VolumeId === undefined || status === undefined || hub === undefined) return undefined;
  const observed: ObservedVolumeV1 = { id: volume.VolumeId, hub, sizeGiB: volume.Size ?? 0, status, tags };
  if (volume.AvailabilityZone !== undefined) observed.zone = volume.AvailabilityZone;
  return observed;
}
