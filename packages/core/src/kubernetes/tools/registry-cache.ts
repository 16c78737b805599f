import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { ClusterTool } from './cluster-tool.js';
import { configChoice } from './tool-choice.js';
import { toolPlacement } from './tool-placement.js';

/**
 * The NodePort the cache listens on, on every node. Images are pulled by the node's container
 * runtime, not from inside a pod, so the cache is addressed as `localhost:<port>`: runtimes treat
 * localhost as a plain-HTTP registry (Docker; containerd's default hosts), and kube-proxy in
 * iptables or IPVS mode answers NodePorts on localhost. The same port as DS@OSU (seeds/000 step 03).
 */
export const REGISTRY_CACHE_NODE_PORT = 30050;
export const DOCKER_HUB_URL = 'https://registry-1.docker.io';
const DEFAULT_SIZE = '200Gi';

function registryCacheValues(config: HubfleetConfig): Record<string, unknown> {
  return {
    proxy: { enabled: true, remoteurl: DOCKER_HUB_URL },
    persistence: {
      enabled: true,
      accessMode: 'ReadWriteOnce',
      size: String(config.tools.registryCache?.size ?? DEFAULT_SIZE),
    },
    service: { type: 'NodePort', port: 5000, nodePort: REGISTRY_CACHE_NODE_PORT },
    ...toolPlacement(config),
  };
}

/**
 * A pull-through cache of Docker Hub (twuni/docker-registry with `proxy.enabled`), on a volume of
 * `tools.registryCache.size`: large user images are pulled from Docker Hub once per cluster instead
 * of once per new node, and Docker Hub's pull limits stop mattering (seeds/000 step 03).
 */
export const registryCache: ClusterTool = {
  name: 'registry-cache',
  configKey: 'registryCache',
  chart: 'docker-registry',
  repository: 'https://helm.twun.io',
  version: '3.0.0',
  namespace: 'registry-cache',
  enabled: (config, provider) => configChoice(config, provider, 'registryCache'),
  values: (config) => registryCacheValues(config),
};

/**
 * The prefix the hub layer puts before Docker Hub image names (`localhost:30050`), or undefined
 * when the cache is off. Without `provider`, only an explicit `tools.registryCache.enabled` counts
 * (pass a config that went through `applyToolDefaults`).
 */
export function registryCachePrefix(config: HubfleetConfig, provider?: ProviderV1): string | undefined {
  const enabled =
    provider === undefined
      ? config.tools.registryCache?.enabled === true
      : configChoice(config, provider, 'registryCache').enabled;
  return enabled ? `localhost:${REGISTRY_CACHE_NODE_PORT}` : undefined;
}

const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * `image` rewritten to come through the cache when it is a Docker Hub image (`python`,
 * `jupyter/scipy-notebook`, `docker.io/library/python`); images of other registries (`quay.io/…`,
 * `nvcr.io/…`, `harbor.stfc.ac.uk/…`) and a missing prefix leave it unchanged.
 */
export function throughRegistryCache(image: string, prefix: string | undefined): string {
  if (prefix === undefined) return image;
  const [first, ...rest] = image.split('/');
  if (first === undefined) return image;
  const hasHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && !DOCKER_HUB_HOSTS.has(first)) return image;
  const path = hasHost ? rest : [first, ...rest];
  const repository = path.length === 1 ? ['library', ...path] : path;
  return `${prefix}/${repository.join('/')}`;
}
