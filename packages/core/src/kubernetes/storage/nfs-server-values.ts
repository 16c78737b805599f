import type { HubConfig } from '../../config/hub.js';
import { quantityToGiB } from '../../config/primitives.js';
import { HubfleetError } from '../../errors/index.js';
import type { VolumeAttachmentV1 } from '../../provider/v1/session.js';
import type { Toleration } from '../placement.js';
import { provisionedPlaceholder } from '../provisioned.js';
import { NFS_LAYOUT } from './hub-storage-mounts.js';

/** Where the chart's pods run: the core nodegroup. */
export interface NfsServerPlacement {
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
}

export interface NfsServerValuesInput {
  hub: Pick<HubConfig, 'name' | 'storage'>;
  attachment: VolumeAttachmentV1;
  /** The Service's fixed address; used only when the chart runs its own server. */
  clusterIp: string;
  placement: NfsServerPlacement;
}

/** What `render` shows before the provider has created the hub's volume. */
export function placeholderAttachment(hubName: string): VolumeAttachmentV1 {
  return {
    csiDriver: provisionedPlaceholder(`CSI driver of hub ${hubName}'s volume`),
    volumeHandle: provisionedPlaceholder(`volume id of hub ${hubName}`),
  };
}

function storageValues(attachment: VolumeAttachmentV1, clusterIp: string, hubName: string) {
  if (attachment.nfsExport) {
    return { mode: 'external', external: { ...attachment.nfsExport } };
  }
  if (!attachment.csiDriver || !attachment.volumeHandle) {
    throw new HubfleetError({
      kind: 'internal',
      message: `the provider described hub "${hubName}"'s volume with neither a CSI driver and volume handle nor an NFS export`,
      hint: 'this is a provider bug: its volumes.attachment() must return csiDriver and volumeHandle, or nfsExport',
      subject: `hubs.${hubName}.storage`,
    });
  }
  return {
    mode: 'server',
    // ext4: every CSI driver here formats it; the type is fixed for the disk's life.
    volume: {
      csiDriver: attachment.csiDriver,
      volumeHandle: attachment.volumeHandle,
      fsType: 'ext4',
      zone: attachment.zone ?? '',
    },
    service: { clusterIP: clusterIp },
  };
}

/** Values for `charts/nfs-server`: the hub's volume, its server's address and placement, and the layout. */
export function nfsServerValues(input: NfsServerValuesInput): Record<string, unknown> {
  const { hub, attachment, clusterIp, placement } = input;
  return {
    hub: hub.name,
    // Cloud disks are sized in whole GiB, rounded up, and so are these PersistentVolumes.
    size: `${quantityToGiB(hub.storage.size)}Gi`,
    ...storageValues(attachment, clusterIp, hub.name),
    placement: { nodeSelector: placement.nodeSelector, tolerations: placement.tolerations },
    layout: {
      homes: { path: NFS_LAYOUT.homes },
      sharedDir: { enabled: hub.storage.sharedDir, path: NFS_LAYOUT.shared },
    },
  };
}
