import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import type { KubernetesAccessV1, ResourceContextV1 } from '../provider/v1/resources.js';
import type { DeploymentContext } from './deployment-context.js';
import { observeIngressLoadBalancer } from './ingress-dns.js';

/** hubfleet's Kubernetes client as the contract offers it to a provider resource. */
export function kubernetesAccess(access: ClusterAccess): KubernetesAccessV1 {
  return {
    kubeconfig: access.kubeconfig,
    apply: (manifest) => access.api.apply(manifest),
    get: (ref) => access.api.get(ref),
    list: (apiVersion, kind, options) => access.list(apiVersion, kind, options),
    delete: (ref) => access.api.delete(ref),
  };
}

/** The ingress controller's external address, once the cloud gave its load balancer one. */
export async function observeIngressAddress(context: DeploymentContext): Promise<string | undefined> {
  return (await observeIngressLoadBalancer(await context.cluster.access())).address;
}

/** What a provider resource is handed: the cluster's API, the facts (read when asked), the signal. */
export function resourceContext(context: DeploymentContext, signal: AbortSignal): ResourceContextV1 {
  return {
    signal,
    async kubernetes() {
      const access = await context.cluster.access();
      return access === undefined ? undefined : kubernetesAccess(access);
    },
    async facts() {
      const ingressAddress = await observeIngressAddress(context);
      context.facts.setIngressAddress(ingressAddress);
      const { serviceCidr } = context.facts.facts();
      return {
        ...(serviceCidr === undefined ? {} : { serviceCidr }),
        ...(ingressAddress === undefined ? {} : { ingressAddress }),
      };
    },
  };
}
