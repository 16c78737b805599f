import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { AddonSpecV1 } from '../../provider/v1/session.js';
import { hubRelease } from '../hubs/index.js';
import { placeholdersRelease } from '../placeholders/index.js';
import { NO_PROVISIONED_FACTS, type ProvisionedFacts } from '../provisioned.js';
import { type Manifest, type ReleaseSpec, releaseId } from '../release.js';
import { nfsServerRelease, serviceCidrFor } from '../storage/index.js';
import { registryCachePrefix, type ToolReleaseChoice, toolReleases } from '../tools/index.js';

export interface RenderedDeployment {
  /** Every release in install order: tools, the placeholders, then each hub's NFS server and hub. */
  releases: ReleaseSpec[];
  /** Objects applied without helm (namespaces, ClusterIssuer, Secrets with marked placeholders). */
  manifests: Manifest[];
  /** What each tool resolved to on this provider, and why. */
  choices: ToolReleaseChoice[];
  warnings: string[];
}

/**
 * Everything the Kubernetes layer installs for a config: offline with `NO_PROVISIONED_FACTS` (render,
 * where cloud facts show as `<provisioned: ...>`), or with the facts the provider reported (up).
 * Hubs wait only for the tools they use: the ingress that serves them, the certificate, and the
 * registry cache their images come through; monitoring and backups install alongside.
 */
export function renderDeployment(
  config: HubfleetConfig,
  provider: ProviderV1,
  facts: ProvisionedFacts = NO_PROVISIONED_FACTS,
  addons: readonly AddonSpecV1[] = [],
): RenderedDeployment {
  const tools = toolReleases(config, provider, addons, facts);
  const placeholders = placeholdersRelease(config);
  const imageRegistryPrefix = registryCachePrefix(config, provider);
  const hubNeeds = new Set([
    'ingress-nginx',
    'cert-manager',
    ...(imageRegistryPrefix ? ['registry-cache'] : []),
  ]);
  const toolIds = tools.releases.filter((release) => hubNeeds.has(release.release)).map(releaseId);
  const serviceIps = {
    serviceCidr: serviceCidrFor(provider, facts),
    ...(facts.liveServiceIps === undefined
      ? {}
      : { liveClusterIps: facts.liveServiceIps.nfsServers, otherServiceIps: facts.liveServiceIps.taken }),
  };
  const hubs = config.hubs.map((hub) => ({
    storage: nfsServerRelease(config, hub, facts, serviceIps),
    hub: hubRelease(config, hub, facts, {
      dependsOn: toolIds,
      ...(imageRegistryPrefix ? { imageRegistryPrefix } : {}),
    }),
  }));
  return {
    releases: [
      ...tools.releases,
      placeholders,
      ...hubs.flatMap(({ storage, hub }) => (storage ? [storage, hub.release] : [hub.release])),
    ],
    manifests: [...tools.manifests, ...hubs.flatMap(({ hub }) => hub.manifests)],
    choices: tools.choices,
    warnings: hubs.flatMap(({ hub }) => hub.warnings),
  };
}
