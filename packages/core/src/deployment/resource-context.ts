import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import { INGRESS_NAMESPACE } from '../kubernetes/tools/tool-names.js';
import type { KubernetesAccessV1, ResourceContextV1 } from '../provider/v1/resources.js';
import type { DeploymentContext } from './deployment-context.js';

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

/**
 * The ingress controller's external address: the first LoadBalancer Service in the ingress
 * namespace that the cloud gave an address (IP, or host name on clouds that hand out names).
 */
export async function observeIngressAddress(context: DeploymentContext): Promise<string | undefined> {
  const access = await context.cluster.access();
  if (access === undefined) return undefined;
  const services = await access.list('v1', 'Service', { namespace: INGRESS_NAMESPACE });
  for (const service of services) {
    if ((service.spec as { type?: string } | undefined)?.type !== 'LoadBalancer') continue;
    const ingress = (service.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } })
      ?.loadBalancer?.ingress?.[0];
    const address = ingress?.ip ?? ingress?.hostname;
    if (address !== undefined) return address;
  }
  return undefined;
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
