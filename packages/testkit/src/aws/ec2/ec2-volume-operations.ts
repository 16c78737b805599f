import type { XmlValue } from '../shared/xml.js';
import { createOnce } from './ec2-client-token.js';
import { describe } from './ec2-describe.js';
import { NOT_FOUND } from './ec2-errors.js';
import { settle } from './ec2-lifecycle.js';
import { type Ec2OperationTable, mutation, RETURN_TRUE, read } from './ec2-operation.js';
import {
  type Ec2Params,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
} from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';
import type { VolumeAttachmentRecord, VolumeRecord } from './ec2-state.js';
import { tagsFromSpecifications } from './ec2-tags.js';
import {
  attachVolume,
  createVolume,
  deleteVolume,
  detachVolume,
  requireVolume,
  VOLUME_FILTERS,
} from './ec2-volumes.js';
import { type Ec2ResponseFields, tagSet, xmlTime } from './ec2-xml.js';

function attachmentFields(volumeId: string, attachment: VolumeAttachmentRecord): Ec2ResponseFields {
  return {
    volumeId,
    instanceId: attachment.instanceId,
    device: attachment.device,
    status: attachment.state,
    attachTime: xmlTime(attachment.attachTime),
    deleteOnTermination: false,
  };
}

export function volumeFields(volume: VolumeRecord): Ec2ResponseFields {
  return {
    volumeId: volume.volumeId,
    size: volume.size,
    snapshotId: volume.snapshotId ?? '',
    availabilityZone: volume.availabilityZone,
    status: volume.state,
    createTime: xmlTime(volume.createTime),
    attachmentSet: volume.attachment ? [attachmentFields(volume.volumeId, volume.attachment)] : [],
    tagSet: Object.keys(volume.tags).length > 0 ? tagSet(volume.tags) : undefined,
    volumeType: volume.volumeType,
    iops: volume.iops,
    throughput: volume.throughput,
    encrypted: volume.encrypted,
    multiAttachEnabled: false,
  };
}

function createVolumeFromParams(params: Ec2Params, context: Ec2Context): VolumeRecord {
  const tags = tagsFromSpecifications(params, 'volume');
  const volumeId = createOnce(
    context,
    'CreateVolume',
    params,
    (id) => id in context.state.volumes,
    () =>
      createVolume(context, {
        availabilityZone: optionalString(params, 'AvailabilityZone'),
        availabilityZoneId: optionalString(params, 'AvailabilityZoneId'),
        size: optionalInteger(params, 'Size'),
        volumeType: optionalString(params, 'VolumeType'),
        iops: optionalInteger(params, 'Iops'),
        throughput: optionalInteger(params, 'Throughput'),
        snapshotId: optionalString(params, 'SnapshotId'),
        encrypted: optionalBoolean(params, 'Encrypted'),
        tags,
      }).volumeId,
  );
  return requireVolume(context.state, volumeId);
}

export const VOLUME_OPERATIONS: Ec2OperationTable = {
  CreateVolume: mutation((params, context) => volumeFields(createVolumeFromParams(params, context))),

  DescribeVolumes: read((params, context) => {
    settle(context.state, context.clock.now());
    const page = describe({
      params,
      records: context.state.volumes,
      idParameter: 'VolumeId',
      notFound: NOT_FOUND.volume,
      filters: VOLUME_FILTERS,
      maxPage: 500,
    });
    const volumeSet: XmlValue[] = page.items.map(volumeFields);
    return { volumeSet, nextToken: page.nextToken };
  }),

  DeleteVolume: mutation((params, context) => {
    deleteVolume(context, requiredString(params, 'VolumeId'));
    return RETURN_TRUE;
  }),

  AttachVolume: mutation((params, context) => {
    const volume = attachVolume(context, {
      volumeId: requiredString(params, 'VolumeId'),
      instanceId: requiredString(params, 'InstanceId'),
      device: requiredString(params, 'Device'),
    });
    return attachmentFields(volume.volumeId, volume.attachment as VolumeAttachmentRecord);
  }),

  DetachVolume: mutation((params, context) => {
    const volume = detachVolume(context, {
      volumeId: requiredString(params, 'VolumeId'),
      instanceId: optionalString(params, 'InstanceId'),
    });
    return attachmentFields(volume.volumeId, volume.attachment as VolumeAttachmentRecord);
  }),
};
