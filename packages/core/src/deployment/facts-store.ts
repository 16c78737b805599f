import type { LiveServiceIps, ProvisionedFacts } from '../kubernetes/provisioned.js';
import type { DeploymentFactsV1 } from '../provider/v1/resources.js';
import type { VolumeAttachmentV1 } from '../provider/v1/session.js';

/**
 * The provisioned facts the Kubernetes layer needs, filled in as the cloud and the cluster are
 * observed, so releases render with real values: at plan time from what exists, and during `up` as
 * soon as the step that finds a fact has run. Each hub's volume (the NFS server release depends on
 * its volume step, so it always renders after), the cluster's Service range (from the cluster's
 * observation), the Service IPs that already exist (read when an NFS server is not converged) and
 * the ingress address (read when a provider resource asks for the facts).
 */
export interface FactsStore {
  facts(): ProvisionedFacts;
  /** The provider-facing subset, for `session.addons(facts)` and provider resources. */
  providerFacts(): DeploymentFactsV1;
  /** Changes whenever a fact does: a render made with an older version is stale. */
  readonly version: number;
  setVolume(hub: string, attachment: VolumeAttachmentV1 | undefined): void;
  setServiceCidr(cidr: string | undefined): void;
  setLiveServiceIps(ips: LiveServiceIps | undefined): void;
  setIngressAddress(address: string | undefined): void;
}

export function createFactsStore(): FactsStore {
  const volumes: Record<string, VolumeAttachmentV1 | undefined> = {};
  const scalars: Omit<ProvisionedFacts, 'volumes'> = {};
  let version = 0;
  const setScalar = <Key extends keyof typeof scalars>(key: Key, value: (typeof scalars)[Key]) => {
    if (JSON.stringify(scalars[key]) === JSON.stringify(value)) return;
    if (value === undefined) delete scalars[key];
    else scalars[key] = value;
    version += 1;
  };
  return {
    facts: () => ({ volumes: { ...volumes }, ...scalars }),
    providerFacts: () => ({
      ...(scalars.serviceCidr === undefined ? {} : { serviceCidr: scalars.serviceCidr }),
      ...(scalars.ingressAddress === undefined ? {} : { ingressAddress: scalars.ingressAddress }),
    }),
    get version() {
      return version;
    },
    setVolume(hub, attachment) {
      if (JSON.stringify(volumes[hub]) === JSON.stringify(attachment)) return;
      if (attachment === undefined) delete volumes[hub];
      else volumes[hub] = attachment;
      version += 1;
    },
    setServiceCidr: (cidr) => setScalar('serviceCidr', cidr),
    setLiveServiceIps: (ips) => setScalar('liveServiceIps', ips),
    setIngressAddress: (address) => setScalar('ingressAddress', address),
  };
}
