import type { ComputeState } from '../gke/compute/compute-state.js';
import { asRecord, type KubeObject } from '../kubernetes/kube-object.js';
import type { KubernetesState } from '../kubernetes/store.js';
import { listStored } from '../kubernetes/store.js';

const SERVICES = { group: '', plural: 'services' };
const VOLUMES = { group: '', plural: 'persistentvolumes' };
const PODS = { group: '', plural: 'pods' };

/** GKE's annotation naming the reserved addresses a LoadBalancer Service takes. */
export const LOAD_BALANCER_ADDRESSES = 'networking.gke.io/load-balancer-ip-addresses';

/** The IP of the reserved address `name` in the project, if there is one. */
export function reservedAddressNamed(
  compute: ComputeState,
  project: string,
  name: string,
): string | undefined {
  return Object.values(compute.addresses).find(
    (address) => address.project === project && address.name === name,
  )?.address;
}

/**
 * The reserved IP a LoadBalancer Service asks for: by name in GKE's annotation (read on the
 * regional external class), or as `spec.loadBalancerIP`.
 */
export function requestedAddress(
  service: KubeObject,
  ipOf: (name: string) => string | undefined,
): string | undefined {
  const spec = asRecord(service.spec);
  if (spec?.type !== 'LoadBalancer') return undefined;
  const named = asRecord(asRecord(service.metadata)?.annotations)?.[LOAD_BALANCER_ADDRESSES];
  if (typeof named === 'string' && named !== '') return ipOf(named.split(',')[0]?.trim() ?? '');
  return typeof spec.loadBalancerIP === 'string' && spec.loadBalancerIP !== ''
    ? spec.loadBalancerIP
    : undefined;
}

/** Forwarding rules holding a static address: the LoadBalancer Services that asked for it, one rule each. */
export function addressUsersIn(
  state: KubernetesState,
  project: string,
  region: string,
  address: string,
  ipOf: (name: string) => string | undefined,
): string[] {
  return listStored(state, SERVICES)
    .filter((service) => requestedAddress(service.object, ipOf) === address)
    .map(
      (service) =>
        `https://www.googleapis.com/compute/v1/projects/${project}/regions/${region}/forwardingRules/a${String(asRecord(service.object.metadata)?.uid ?? service.name).replace(/-/g, '')}`,
    );
}

/**
 * Instances a disk is attached to: nodes running a pod that mounts a claim bound to a PD CSI
 * PersistentVolume whose volume handle is the disk (what the PD CSI driver attaches).
 */
export function diskUsersIn(state: KubernetesState, project: string, diskPath: string): string[] {
  const claims = new Set(
    listStored(state, VOLUMES)
      .filter((volume) => {
        const csi = asRecord(asRecord(volume.object.spec)?.csi);
        return csi?.driver === 'pd.csi.storage.gke.io' && String(csi.volumeHandle ?? '').endsWith(diskPath);
      })
      .map((volume) => {
        const claim = asRecord(asRecord(volume.object.spec)?.claimRef);
        return `${String(claim?.namespace ?? '')}/${String(claim?.name ?? '')}`;
      }),
  );
  if (claims.size === 0) return [];
  const zone = /zones\/([^/]+)\//.exec(diskPath)?.[1] ?? '';
  const nodes = new Set<string>();
  for (const pod of listStored(state, PODS)) {
    const spec = asRecord(pod.object.spec);
    const node = spec?.nodeName;
    if (typeof node !== 'string') continue;
    const volumes = Array.isArray(spec?.volumes) ? spec.volumes : [];
    const mounts = volumes.some((volume) => {
      const claim = asRecord(asRecord(volume)?.persistentVolumeClaim)?.claimName;
      return typeof claim === 'string' && claims.has(`${pod.namespace}/${claim}`);
    });
    if (mounts)
      nodes.add(`https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}/instances/${node}`);
  }
  return [...nodes];
}
