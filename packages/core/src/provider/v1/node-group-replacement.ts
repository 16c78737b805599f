import type { NodeGroupConfig } from '../../config/index.js';
import { quantityToGiB } from '../../config/primitives.js';
import type { ObservedNodeGroupV1 } from './session.js';

/**
 * `requiresReplacement` for a cloud whose nodegroups cannot change machine type or disk size in
 * place (GKE node pools, Magnum nodegroups): the group is replaced, behind core's safety gate for
 * user pods. A disk size the cloud does not report is never a reason.
 */
export function machineOrDiskChanged(group: NodeGroupConfig, observed: ObservedNodeGroupV1): boolean {
  return (
    group.instanceType !== observed.instanceType ||
    (group.diskSize !== undefined &&
      observed.diskSizeGiB !== undefined &&
      quantityToGiB(group.diskSize) !== observed.diskSizeGiB)
  );
}
