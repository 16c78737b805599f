const BASE = 'https://container.googleapis.com/v1';

export function clusterKey(project: string, location: string, cluster: string): string {
  return `projects/${project}/locations/${location}/clusters/${cluster}`;
}

export function nodePoolKey(cluster: string, nodePool: string): string {
  return `${cluster}/nodePools/${nodePool}`;
}

export function operationKey(project: string, location: string, operation: string): string {
  return `projects/${project}/locations/${location}/operations/${operation}`;
}

/** The self link GKE writes for a resource name. */
export function containerLink(key: string): string {
  return `${BASE}/${key}`;
}
