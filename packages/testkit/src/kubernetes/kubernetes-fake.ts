import type {
  CallLog,
  Clock,
  Durations,
  FaultInjector,
  RunningService,
  ServiceProtocol,
  ServiceTls,
} from '../framework/index.js';
import { createStateStore, DEFAULT_DURATIONS, startService } from '../framework/index.js';
import type { Authenticate } from './authentication.js';
import { createCluster, KUBERNETES_EXTRA_DURATIONS, type LoadBalancerIngress } from './cluster.js';
import { cloneJson, type KubeObject, uidOf } from './kube-object.js';
import { createKubernetesProtocol } from './kubernetes-protocol.js';
import type { KubernetesNodeGroup } from './node-group.js';
import { reconcile } from './reconcile.js';
import { STANDARD_OBJECTS, seedObjects } from './seed.js';
import { emptyKubernetesState, type KubernetesState } from './store.js';

/** How a fake cluster behaves. */
export interface KubernetesFakeOptions {
  clock: Clock;
  /** State to serve (e.g. loaded by createStateStore); a fresh cluster when absent or empty. */
  state?: KubernetesState;
  /** The call-log service name, and the prefix of fault operations. @default 'kubernetes' */
  name?: string;
  /** Modelled durations, over the framework's DEFAULT_DURATIONS and KUBERNETES_EXTRA_DURATIONS. */
  durations?: Durations;
  /** Token verification; any bearer token is accepted when absent (a request without one is 401). */
  authenticate?: Authenticate;
  /** `/version` and the nodes' kubelet version. @default 'v1.32.3' */
  gitVersion?: string;
  /** How LoadBalancer Services are addressed: a hostname (EKS-like), an IP (GKE/OpenStack-like), or a function. @default 'hostname' */
  loadBalancerIngress?: 'hostname' | 'ip' | ((service: KubeObject, index: number) => LoadBalancerIngress);
  /** Node groups asked for on every request, instead of setNodeGroups. */
  nodeGroups?: () => readonly KubernetesNodeGroup[];
  /** Objects a fresh cluster starts with, after the standard namespaces and Service (e.g. a default StorageClass). */
  seed?: readonly KubeObject[];
  /** Called after any request (or setNodeGroups) that changed state, e.g. to persist it. */
  onStateChange?: () => void;
}

/** A fake Kubernetes API server: its wire protocol, and its state as plain JSON. */
export interface KubernetesFake {
  readonly protocol: ServiceProtocol;
  readonly state: KubernetesState;
  /** Replace the node groups Node objects follow (what a cloud fake calls when its nodegroups change). */
  setNodeGroups(groups: readonly KubernetesNodeGroup[]): void;
  /** Run the modelled controllers now (the fake also does before every request). */
  reconcile(): void;
  /** Forget every object, as a newly created cluster would have none, and seed the standard ones again. */
  reset(): void;
}

function loadBalancerAddresses(option: KubernetesFakeOptions['loadBalancerIngress']) {
  if (typeof option === 'function') return option;
  if (option === 'ip') {
    return (_service: KubeObject, index: number): LoadBalancerIngress => ({
      ip: `203.0.113.${10 + (index % 240)}`,
    });
  }
  return (service: KubeObject): LoadBalancerIngress => ({
    hostname: `a${uidOf(service).replace(/-/g, '')}.lb.hubfleet.test`,
  });
}

/** Create a fake Kubernetes API server over `options.state` (or a fresh cluster with its standard objects). */
export function createKubernetesFake(options: KubernetesFakeOptions): KubernetesFake {
  const fresh = options.state === undefined || Object.keys(options.state.objects).length === 0;
  const state = options.state ?? emptyKubernetesState();
  const cluster = createCluster(
    state,
    options.clock,
    { ...KUBERNETES_EXTRA_DURATIONS, ...DEFAULT_DURATIONS, ...options.durations },
    {
      gitVersion: options.gitVersion ?? 'v1.32.3',
      loadBalancerIngress: loadBalancerAddresses(options.loadBalancerIngress),
      ...(options.nodeGroups ? { nodeGroups: options.nodeGroups } : {}),
    },
  );
  if (fresh) seedObjects(cluster, [...STANDARD_OBJECTS, ...(options.seed ?? [])]);
  reconcile(cluster);
  const protocol = createKubernetesProtocol(cluster, {
    name: options.name ?? 'kubernetes',
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
  });
  return {
    protocol,
    state,
    setNodeGroups(groups) {
      state.nodeGroups = cloneJson([...groups]);
      const before = state.resourceVersion;
      reconcile(cluster);
      if (state.resourceVersion !== before) options.onStateChange?.();
    },
    reconcile() {
      reconcile(cluster);
    },
    reset() {
      for (const key of Object.keys(state.objects)) delete state.objects[key];
      seedObjects(cluster, [...STANDARD_OBJECTS, ...(options.seed ?? [])]);
      reconcile(cluster);
      options.onStateChange?.();
    },
  };
}

/** Options to serve a fake cluster on loopback. */
export interface StartKubernetesFakeOptions extends Omit<KubernetesFakeOptions, 'state' | 'onStateChange'> {
  faults: FaultInjector;
  callLog: CallLog;
  /** Persist the cluster here (sim mode): loaded when it exists, saved after every change. */
  stateFile?: string;
  /** @default 0 (an ephemeral port) */
  port?: number;
  /** Serve HTTPS, accepting client certificates signed by `clientCaPem` (a kubeadm cluster). */
  tls?: ServiceTls;
  /** A loopback address to listen on instead of 127.0.0.1 (a simulated VM's own). */
  host?: string;
}

/** A fake cluster served over HTTP. */
export interface RunningKubernetesFake extends RunningService {
  readonly fake: KubernetesFake;
}

/** Serve a fake Kubernetes API server on 127.0.0.1. */
export async function startKubernetesFake(
  options: StartKubernetesFakeOptions,
): Promise<RunningKubernetesFake> {
  const { faults, callLog, stateFile, port, tls, host, ...fakeOptions } = options;
  const store = createStateStore<KubernetesState>(emptyKubernetesState, stateFile);
  const fake = createKubernetesFake({
    ...fakeOptions,
    state: store.state,
    onStateChange: () => store.save(),
  });
  store.save();
  const running = await startService(fake.protocol, { clock: options.clock, faults, callLog }, port ?? 0, {
    ...(tls ? { tls } : {}),
    ...(host ? { host } : {}),
  });
  return { ...running, fake };
}
