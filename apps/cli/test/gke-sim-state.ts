import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ComputeState, type ContainerState, settleCompute, settleContainer } from '@hubfleet/testkit';
import type { SimWorkspace } from './sim-harness.js';

function readState<T>(workspace: SimWorkspace, name: string): T {
  return JSON.parse(readFileSync(join(workspace.stateDirectory, `${name}.json`), 'utf8')) as T;
}

/** What the simulated Google Cloud project holds for a deployment now (due transitions applied, as the fakes would). */
export function gkeCloudState(workspace: SimWorkspace, deployment: string) {
  const now = Date.now();
  const container = readState<ContainerState>(workspace, 'container');
  settleContainer(container, now);
  const compute = readState<ComputeState>(workspace, 'compute');
  settleCompute(compute, now);
  const owned = (labels: Record<string, string>) => labels['hubfleet-deployment'] === deployment;
  const clusters = Object.values(container.clusters).filter((cluster) => owned(cluster.resourceLabels));
  return {
    clusters,
    nodePools: clusters.flatMap((cluster) => Object.values(cluster.nodePools)),
    disks: Object.values(compute.disks).filter((disk) => owned(disk.labels)),
    snapshots: Object.values(compute.snapshots).filter((snapshot) => owned(snapshot.labels)),
    addresses: Object.values(compute.addresses),
  };
}
