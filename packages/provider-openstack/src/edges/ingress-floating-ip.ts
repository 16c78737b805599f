import { HubfleetError } from '@hubfleet/core';
import {
  associateFloatingIp,
  deleteFloatingIp,
  disassociateFloatingIp,
  type FloatingIp,
  isOpenStackStatus,
  type LoadBalancer,
  listFloatingIps,
  listLoadBalancers,
} from '@hubfleet/openstack-client';
import { INGRESS_SERVICE, isClusterLoadBalancer } from './ccm-names.js';
import { pollFor } from './edge-waits.js';
import { allocateConfiguredFloatingIp, allocationDescription } from './floating-ip-allocation.js';
import { ingressLoadBalancer } from './ingress-load-balancer.js';
import type { MagnumClusterRef, MagnumEdgeDeps } from './magnum-edge-deps.js';

const SUBJECT = 'provider.floatingIp';
const CCM_FLOATING_IP = 'Floating IP for Kubernetes external service ';
/** How long the step waits for Octavia to have the ingress load balancer: less than a step's time limit. */
const INGRESS_WAIT_MS = 15 * 60_000;

/** The configured floating IP as the project holds it, and whether it serves the ingress load balancer. */
export interface ObservedIngressFloatingIp {
  address: string;
  floatingIpId: string;
  /** hubfleet allocated it (its description says so): only such an address is ever released. */
  allocatedByHubfleet: boolean;
  /** The load balancer whose VIP port it is on, e.g. `kube_service_<uuid>_ingress-nginx_ingress-nginx-controller`; absent while it is not. */
  loadBalancer?: string;
  vipAddress?: string;
  /** Other floating IPs on that VIP port: the one the cloud controller attached at random. */
  strays: string[];
}

/** Whether the cloud controller allocated `floating` for a Service of `cluster` (its description says so). */
export function isClusterFloatingIp(floating: FloatingIp, cluster: MagnumClusterRef): boolean {
  return (
    floating.description.startsWith(CCM_FLOATING_IP) &&
    [cluster.id, cluster.name].some((name) => floating.description.endsWith(` from cluster ${name}`))
  );
}

function configured(deps: MagnumEdgeDeps): string | undefined {
  return deps.config.provider.floatingIp;
}

async function findFloatingIp(deps: MagnumEdgeDeps, address: string): Promise<FloatingIp | undefined> {
  const [found] = await listFloatingIps(await deps.network(), { floatingIpAddress: address });
  return found;
}

/**
 * The configured floating IP when the project holds it and the cluster exists (undefined otherwise:
 * nothing to associate it with yet, and nothing asked of the cloud), with the ingress load balancer
 * whose VIP port it is on, if it is.
 */
export async function observeIngressFloatingIp(
  deps: MagnumEdgeDeps,
): Promise<ObservedIngressFloatingIp | undefined> {
  const address = configured(deps);
  const cluster = await deps.cluster();
  if (address === undefined || cluster === undefined) return undefined;
  const floating = await findFloatingIp(deps, address);
  if (floating === undefined) return undefined;
  const held = {
    address,
    floatingIpId: floating.id,
    allocatedByHubfleet: floating.description === allocationDescription(deps.config.name),
    strays: [],
  };
  const lb = await ingressLoadBalancer(deps, cluster);
  if (lb === undefined || floating.portId !== lb.vipPortId) return held;
  const onPort = await listFloatingIps(await deps.network(), { portId: lb.vipPortId });
  return {
    ...held,
    loadBalancer: lb.name,
    vipAddress: lb.vipAddress,
    strays: onPort.filter((other) => other.id !== floating.id).map((other) => other.floatingIpAddress),
  };
}

/** A port the configured floating IP may be taken from: a load balancer VIP of this same cluster. */
async function movable(deps: MagnumEdgeDeps, portId: string, cluster: MagnumClusterRef): Promise<boolean> {
  const owners = await listLoadBalancers(await deps.loadBalancer(), { vipPortId: portId });
  return owners.length > 0 && owners.every((lb) => isClusterLoadBalancer(lb, cluster));
}

/**
 * Frees the VIP port (a port takes one floating IP per external network): the cloud controller's
 * random floating IPs are disassociated and released; any other is only disassociated.
 */
async function releaseStrays(
  deps: MagnumEdgeDeps,
  lb: LoadBalancer,
  keep: FloatingIp,
  cluster: MagnumClusterRef,
) {
  const network = await deps.network();
  for (const stray of await listFloatingIps(network, { portId: lb.vipPortId })) {
    if (stray.id === keep.id) continue;
    if (isClusterFloatingIp(stray, cluster)) await deleteFloatingIp(network, stray.id);
    else await disassociateFloatingIp(network, stray.id);
  }
}

async function associateOnce(
  deps: MagnumEdgeDeps,
  lb: LoadBalancer,
  address: string,
  cluster: MagnumClusterRef,
) {
  const floating =
    (await findFloatingIp(deps, address)) ?? (await allocateConfiguredFloatingIp(deps, address));
  if (
    floating.portId !== null &&
    floating.portId !== lb.vipPortId &&
    !(await movable(deps, floating.portId, cluster))
  ) {
    throw new HubfleetError({
      kind: 'conflict',
      message: `the floating IP ${address} is associated with port ${floating.portId}, which is not a load balancer of this cluster`,
      hint: 'disassociate it there (`openstack floating ip unset --port`) if it is free to move, or set provider.floatingIp to another address',
      subject: SUBJECT,
    });
  }
  await releaseStrays(deps, lb, floating, cluster);
  if (floating.portId !== lb.vipPortId)
    await associateFloatingIp(await deps.network(), floating.id, lb.vipPortId);
}

/**
 * Waits until Octavia has the ingress load balancer (its VIP port exists from PENDING_CREATE on),
 * then associates the configured floating IP with the VIP port, releasing a floating IP the cloud
 * controller attached at random. A controller attaching one at the same moment is a 409
 * FloatingIPPortAlreadyAssociated, answered by doing it again.
 */
export async function associateIngressFloatingIp(deps: MagnumEdgeDeps, signal: AbortSignal): Promise<void> {
  const address = configured(deps);
  if (address === undefined) return;
  if ((await findFloatingIp(deps, address)) === undefined) await allocateConfiguredFloatingIp(deps, address);
  const cluster = await deps.cluster();
  if (cluster === undefined) {
    throw new HubfleetError({
      kind: 'unavailable',
      message:
        'the Magnum cluster does not exist yet, so its ingress load balancer cannot have the floating IP',
      hint: 'run `hubfleet up` again once the cluster is created',
      subject: SUBJECT,
    });
  }
  const lb = await pollFor(deps, signal, () => ingressLoadBalancer(deps, cluster), INGRESS_WAIT_MS);
  if (lb === undefined) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `Octavia has no load balancer for Service ${INGRESS_SERVICE.namespace}/${INGRESS_SERVICE.name} of cluster ${cluster.name} yet, so ${address} was not associated`,
      hint: `check the ingress-nginx release and \`kubectl -n ${INGRESS_SERVICE.namespace} describe service ${INGRESS_SERVICE.name}\` (the cloud controller's events), then run \`hubfleet up\` again`,
      subject: SUBJECT,
    });
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await associateOnce(deps, lb, address, cluster);
      return;
    } catch (error) {
      if (attempt >= 3 || !isOpenStackStatus(error, 409, 'FloatingIPPortAlreadyAssociated')) throw error;
    }
  }
}

/**
 * `down --delete-data` with every hub's `onDelete: delete` (the resource's `holdsData`): takes the
 * configured floating IP off the load balancer and releases it, when hubfleet allocated it; an
 * address the project held before is never released.
 */
export async function releaseIngressFloatingIp(deps: MagnumEdgeDeps): Promise<void> {
  const observed = await observeIngressFloatingIp(deps);
  if (observed === undefined || !observed.allocatedByHubfleet) return;
  const network = await deps.network();
  if (observed.loadBalancer !== undefined) await disassociateFloatingIp(network, observed.floatingIpId);
  await deleteFloatingIp(network, observed.floatingIpId);
}
