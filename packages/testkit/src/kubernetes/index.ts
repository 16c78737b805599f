export type { Authenticate as KubernetesAuthenticate, KubernetesIdentity } from './authentication.js';
export type { LoadBalancerIngress as KubernetesLoadBalancerIngress } from './cluster.js';
export { KUBERNETES_EXTRA_DURATIONS } from './cluster.js';
export type {
  KubernetesStatus,
  StatusCause as KubernetesStatusCause,
  StatusDetails as KubernetesStatusDetails,
} from './errors.js';
export { KubernetesApiError } from './errors.js';
export type { KubeObject } from './kube-object.js';
export type { FakeKubeconfigCredential } from './kubeconfig.js';
export { execCredential, fakeKubeconfig, kubeconfigFor } from './kubeconfig.js';
export type {
  KubernetesFake,
  KubernetesFakeOptions,
  RunningKubernetesFake,
  StartKubernetesFakeOptions,
} from './kubernetes-fake.js';
export { createKubernetesFake, startKubernetesFake } from './kubernetes-fake.js';
export type { KubernetesNodeGroup, KubernetesTaint } from './node-group.js';
export { NODE_GROUP_ANNOTATION as KUBERNETES_NODE_GROUP_ANNOTATION } from './node-sync.js';
export { DEFAULT_SERVICE_CIDR, serviceRange } from './service-range.js';
export type { KubernetesState, StoredObject as KubernetesStoredObject } from './store.js';
export { emptyKubernetesState } from './store.js';
