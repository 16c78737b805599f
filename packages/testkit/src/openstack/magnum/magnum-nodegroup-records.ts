import { randomUUID } from 'node:crypto';
import type { MagnumContext } from './magnum-settings.js';
import type { MagnumStatus, NodegroupRecord } from './magnum-state.js';

export type NodegroupFields = Pick<
  NodegroupRecord,
  'name' | 'role' | 'isDefault' | 'flavorId' | 'imageId' | 'nodeCount'
> &
  Partial<
    Pick<
      NodegroupRecord,
      'minNodeCount' | 'maxNodeCount' | 'dockerVolumeSize' | 'labels' | 'nodeLabels' | 'nodeTaints'
    >
  >;

/** A nodegroup record in `status` (a cluster's default groups start with it, CREATE_IN_PROGRESS). */
export function newNodegroup(
  context: MagnumContext,
  clusterId: string,
  fields: NodegroupFields,
  status: MagnumStatus,
): NodegroupRecord {
  const nodegroup: NodegroupRecord = {
    uuid: randomUUID(),
    clusterId,
    projectId: context.settings.projectId,
    minNodeCount: fields.isDefault ? 1 : 0,
    maxNodeCount: null,
    dockerVolumeSize: null,
    labels: {},
    nodeLabels: {},
    nodeTaints: [],
    ...fields,
    status,
    statusReason: null,
    stackId: randomUUID(),
    createdAt: context.now,
    updatedAt: null,
  };
  context.state.nodegroups[nodegroup.uuid] = nodegroup;
  return nodegroup;
}
