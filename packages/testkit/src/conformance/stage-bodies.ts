import type { NodeGroupConfig, ObservedVolumeV1 } from '@hubfleet/core';
import { checkCreateCluster } from './check-cluster.js';
import { checkRetainsVolumesOnClusterDelete } from './check-delete.js';
import { checkQuotaErrorMapping } from './check-error-mapping.js';
import { checkDeleteIsIdempotent } from './check-idempotent-delete.js';
import { checkKubeconfigReachesApi } from './check-kubeconfig.js';
import { checkCreateNodeGroups, checkNodeGroupLabels } from './check-node-groups.js';
import { checkNodeLabelsOnNodes } from './check-node-labels.js';
import { checkOwnershipTags } from './check-ownership.js';
import { checkProviderResources } from './check-provider-resources.js';
import { checkReplanIsNoop, checkSecondCreateIsIdempotent } from './check-replan.js';
import { checkRetriesTransientFaults } from './check-retries.js';
import { checkServiceRange } from './check-service-range.js';
import { checkUpdatedLabels, checkUpdateNodeGroup } from './check-update.js';
import {
  checkCreateVolume,
  checkDeleteVolume,
  checkVolumeAttachment,
  checkVolumeSnapshot,
} from './check-volumes.js';
import type { ConformanceContext } from './conformance-context.js';
import type { QuotaFaultOptions } from './conformance-options.js';
import type { ConformanceStageId } from './conformance-stages.js';

/** What one run carries from stage to stage. */
export interface StageMemory {
  updatedNodeGroup?: NodeGroupConfig;
  volume?: ObservedVolumeV1;
  deletedVolume?: ObservedVolumeV1;
  quotaFault?: QuotaFaultOptions;
}

/** A stage's work; a string it resolves to is reported as the test's annotation. */
type StageBody = (context: ConformanceContext, memory: StageMemory) => Promise<unknown>;

function required<Value>(value: Value | undefined, what: string): Value {
  if (value === undefined) throw new Error(`${what} is missing: the stage that makes it did not pass.`);
  return value;
}

/** What each stage does, by id; the checks it calls are exported for single use too. */
export const STAGE_BODIES: Readonly<Record<ConformanceStageId, StageBody>> = {
  create: async (context) => {
    await checkCreateCluster(context);
  },
  'service-range': (context) => checkServiceRange(context),
  nodegroups: async (context) => {
    await checkCreateNodeGroups(context);
    await checkOwnershipTags(context);
  },
  kubeconfig: async (context) => `credential kind: ${await checkKubeconfigReachesApi(context)}`,
  'nodegroup-labels': (context) => checkNodeGroupLabels(context),
  'node-labels': (context) => checkNodeLabelsOnNodes(context),
  replan: async (context) => {
    await checkReplanIsNoop(context);
    await checkSecondCreateIsIdempotent(context);
  },
  update: async (context, memory) => {
    memory.updatedNodeGroup = await checkUpdateNodeGroup(context);
  },
  'update-labels': (context, memory) =>
    checkUpdatedLabels(context, required(memory.updatedNodeGroup, 'The updated nodegroup')),
  'provider-resources': (context) => checkProviderResources(context),
  volumes: async (context, memory) => {
    const volume = await checkCreateVolume(context);
    checkVolumeAttachment(context, volume);
    memory.volume = volume;
  },
  'volume-snapshots': async (context, memory) => {
    await checkVolumeSnapshot(context, required(memory.volume, "The hub's volume"));
  },
  delete: async (context, memory) => {
    const volume = required(memory.volume, "The hub's volume");
    await checkRetainsVolumesOnClusterDelete(context, volume);
    await checkDeleteVolume(context, volume);
    memory.deletedVolume = volume;
  },
  'idempotent-delete': (context, memory) => checkDeleteIsIdempotent(context, memory.deletedVolume),
  retries: (context) => checkRetriesTransientFaults(context),
  'error-mapping': (context, memory) =>
    checkQuotaErrorMapping(context, required(memory.quotaFault, 'The quotaFault option')),
};
