import type { NodeGroupConfig } from '@hubfleet/core';
import {
  createClusterConnection,
  createReadCache,
  labelNodeGroupNodes,
  type NodeFinder,
  type NodeLabelDrift,
  nodeGroupLabelDrift,
} from '@hubfleet/core/deployment';
import { expect } from 'vitest';
import type { ConformanceContext } from './conformance-context.js';
import { waitFor } from './wait-for.js';

/** The cluster's Kubernetes API through the session's kubeconfig, read afresh on every call. */
export function clusterApi(context: ConformanceContext) {
  return createClusterConnection({
    cluster: context.session.cluster,
    cache: createReadCache('live'),
  }).require('the conformance suite');
}

/**
 * Stage: every node of every nodegroup carries the group's role labels and taints, read from the
 * Kubernetes API. Where `capabilities.nodeLabelsReachNodes` the cloud put them there; elsewhere core
 * does (`labelNodeGroupNodes`, what `up`'s `node-labels/<group>` step runs), finding the nodes by the
 * provider's `nodeGroups.nodeSelector`. At least one node must exist, or the check proves nothing.
 */
export async function checkNodeLabelsOnNodes(
  context: ConformanceContext,
  nodeGroups: readonly NodeGroupConfig[] = context.config.cluster.nodeGroups,
): Promise<void> {
  const api = (await clusterApi(context)).api;
  const finder: NodeFinder = { provider: context.provider, session: context.session };
  if (!context.capabilities.nodeLabelsReachNodes) {
    await waitFor(
      context,
      'the nodegroups have nodes to label',
      () =>
        Promise.all(
          nodeGroups.map((group) =>
            nodeGroupLabelDrift(finder, (version, kind) => api.list(version, kind), group),
          ),
        ),
      (drifts) => drifts.some((drift) => drift.nodes > 0),
    );
    for (const group of nodeGroups) await labelNodeGroupNodes(finder, api, group);
  }
  const drifts: NodeLabelDrift[] = await waitFor(
    context,
    'every node of every nodegroup carries its labels and taints',
    () =>
      Promise.all(
        nodeGroups.map((group) =>
          nodeGroupLabelDrift(finder, (version, kind) => api.list(version, kind), group),
        ),
      ),
    (found) => found.some((drift) => drift.nodes > 0) && found.every((drift) => drift.drifted.length === 0),
  );
  for (const [index, drift] of drifts.entries()) {
    expect(drift.drifted, `nodes of nodegroup ${nodeGroups[index]?.name} lacking labels or taints`).toEqual(
      [],
    );
  }
}
