/**
 * The two deployment graphs of the engine benchmark, in simulated minutes. Durations follow what
 * the operators' guides report for EKS/Magnum/GKE: a control plane ≈ 12 min, a nodegroup ≈ 4 min,
 * a helm-installed tool 1–2 min, a hub release ≈ 1 min, a data volume and its NFS server under a
 * minute each.
 */

/** @typedef {{ id: string, layer: string, dependsOn: string[], minutes: number }} BenchStep */

/** @returns {BenchStep} */
function step(id, layer, dependsOn, minutes) {
  return { id, layer, dependsOn, minutes };
}

const TOOL_MINUTES = {
  'ingress-nginx': 1.5,
  'cert-manager': 1,
  'cluster-autoscaler': 1,
  'kube-prometheus-stack': 2,
  velero: 1,
  'registry-cache': 1,
  'user-scheduler': 1,
};

/** What each tool needs running first: most go on the core nodegroup; some need every nodegroup. */
function toolDependencies(tool, nodegroups) {
  if (tool === 'cluster-autoscaler') return nodegroups.map((name) => `nodegroup/${name}`);
  if (tool === 'user-scheduler') return ['nodegroup/core', 'nodegroup/users'];
  return ['nodegroup/core'];
}

/** The tools a hub release waits for. */
const HUB_TOOLS = ['ingress-nginx', 'cert-manager', 'user-scheduler'];

function deployment({ nodegroups, tools, hubs }) {
  const steps = [
    step('network/main', 'cloud', [], 1),
    step('identity/main', 'cloud', [], 0.5),
    step('cluster/main', 'cloud', ['network/main', 'identity/main'], 12),
    step('addon/storage-class', 'cluster-addons', ['cluster/main'], 0.2),
    ...nodegroups.map((name) => step(`nodegroup/${name}`, 'cloud', ['cluster/main'], 4)),
    ...tools.map((tool) =>
      step(`tool/${tool}`, 'tools', toolDependencies(tool, nodegroups), TOOL_MINUTES[tool]),
    ),
  ];
  const hubTools = HUB_TOOLS.filter((tool) => tools.includes(tool)).map((tool) => `tool/${tool}`);
  for (const hub of hubs) {
    steps.push(
      step(`volume/${hub}`, 'hubs', ['network/main'], 0.5),
      step(`storage-server/${hub}`, 'hubs', [`volume/${hub}`, 'nodegroup/core', 'addon/storage-class'], 0.5),
      step(`hub/${hub}`, 'hubs', [`storage-server/${hub}`, 'nodegroup/users', ...hubTools], 1),
    );
  }
  return steps;
}

/** A typical course deployment: three nodegroups, five tools, two hubs. */
export function realisticGraph() {
  return deployment({
    nodegroups: ['core', 'users', 'gpu'],
    tools: ['ingress-nginx', 'cert-manager', 'cluster-autoscaler', 'kube-prometheus-stack', 'user-scheduler'],
    hubs: ['course-a', 'course-b'],
  });
}

/** A wide deployment: 4 nodegroups, 7 tools, 20 hubs. */
export function wideGraph() {
  return deployment({
    nodegroups: ['core', 'users', 'gpu', 'highmem'],
    tools: Object.keys(TOOL_MINUTES),
    hubs: Array.from({ length: 20 }, (_, index) => `hub-${String(index + 1).padStart(2, '0')}`),
  });
}
