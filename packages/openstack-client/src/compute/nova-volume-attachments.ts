import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';
import { toVolumeAttachment } from './compute-mappers.js';
import type { VolumeAttachment } from './compute-types.js';

function attachmentsPath(serverId: string, volumeId?: string): string {
  return `/servers/${segment(serverId)}/os-volume_attachments${volumeId === undefined ? '' : `/${segment(volumeId)}`}`;
}

/**
 * Attaches a Cinder volume (the server must be ACTIVE or SHUTOFF; 409 otherwise). The volume then
 * goes attaching → in-use: wait on Cinder for that.
 */
export async function attachVolume(
  compute: ServiceClient,
  serverId: string,
  volumeId: string,
  options: { tag?: string; deleteOnTermination?: boolean } = {},
): Promise<VolumeAttachment> {
  const response = await compute.request({
    method: 'POST',
    path: attachmentsPath(serverId),
    body: {
      volumeAttachment: {
        volumeId,
        ...(options.tag === undefined ? {} : { tag: options.tag }),
        ...(options.deleteOnTermination === undefined
          ? {}
          : { delete_on_termination: options.deleteOnTermination }),
      },
    },
    subject: `volume/${volumeId}`,
  });
  return toVolumeAttachment(asWire(response.body).volumeAttachment);
}

export async function listVolumeAttachments(
  compute: ServiceClient,
  serverId: string,
): Promise<VolumeAttachment[]> {
  return (await compute.listAll<unknown>(attachmentsPath(serverId), 'volumeAttachments')).map(
    toVolumeAttachment,
  );
}

export async function getVolumeAttachment(
  compute: ServiceClient,
  serverId: string,
  volumeId: string,
): Promise<VolumeAttachment> {
  const response = await compute.request({
    method: 'GET',
    path: attachmentsPath(serverId, volumeId),
    subject: `volume/${volumeId}`,
  });
  return toVolumeAttachment(asWire(response.body).volumeAttachment);
}

/** Detaches (202; the volume goes detaching → available). False when it was not attached. */
export function detachVolume(compute: ServiceClient, serverId: string, volumeId: string): Promise<boolean> {
  return deleteIfPresent(compute, {
    path: attachmentsPath(serverId, volumeId),
    subject: `volume/${volumeId}`,
  });
}

/**
 * Where the guest sees the volume: virtio names disks by the first 20 characters of the volume id,
 * whatever `device` Nova reported (kubernetes#33128).
 */
export function volumeDevicePath(volumeId: string): string {
  return `/dev/disk/by-id/virtio-${volumeId.slice(0, 20)}`;
}
