import { randomBytes } from 'node:crypto';
import type {
  CallLog,
  Clock,
  Durations,
  FaultInjector,
  RunningService,
  ServiceProtocol,
} from '../framework/index.js';
import {
  type CertificateAndKey,
  createStateStore,
  DEFAULT_DURATIONS,
  startService,
} from '../framework/index.js';
import type { Authenticate } from './authentication.js';
import { createCluster, KUBERNETES_EXTRA_DURATIONS, type LoadBalancerIngress } from './cluster.js';
import { cloneJson, type KubeObject, uidOf } from './kube-object.js';
import { type FakeKubeconfigCredential, fakeKubeconfig } from './kubeconfig.js';
import { createKubernetesProtocol } from './kubernetes-protocol.js';
import type { KubernetesNodeGroup } from './node-group.js';
import { reconcile } from './reconcile.js';
import { seedObjects, standardObjects } from './seed.js';
import { serviceRange } from './service-range.js';
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
  /** Token verification (e.g. EKS tokens against STS); when absent, `tokens` decides. */
  authenticate?: Authenticate;
  /**
   * Bearer tokens let in without `authenticate`: any (the default), only those `issueToken` made
   * and not expired, or none (a kubeadm-like cluster reached by client certificates only).
   * Client certificates are checked by the TLS server (startKubernetesFake's `tls`).
   */
  tokens?: 'any' | 'issued' | 'none';
  /**
   * The Service range ClusterIPs come from, as the API server's `--service-cluster-ip-range`; a
   * fixed `spec.clusterIP` outside it is refused with 422 Invalid. @default '10.100.0.0/16' (EKS)
   */
  serviceCidr?: string;
  /** `/version` and the nodes' kubelet version. @default 'v1.32.3' */
  gitVersion?: string;
  /** How LoadBalancer Services are addressed: a hostname (EKS-like), an IP (GKE/OpenStack-like), or a function. @default 'hostname' */
  loadBalancerIngress?: 'hostname' | 'ip' | ((service: KubeObject, index: number) => LoadBalancerIngress);
  /** Ensure a LoadBalancer Service's address again when its annotations change (see ClusterSettings). @default false */
  resyncLoadBalancers?: boolean;
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
  /** A bearer token for `user`, valid for `ttlMs` of the fake's clock (default an hour), as a token authenticator would accept. */
  issueToken(identity: { user: string; groups?: string[]; ttlMs?: number }): string;
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
      serviceRange: serviceRange(options.serviceCidr),
      loadBalancerIngress: loadBalancerAddresses(options.loadBalancerIngress),
      ...(options.nodeGroups ? { nodeGroups: options.nodeGroups } : {}),
      ...(options.resyncLoadBalancers ? { resyncLoadBalancers: true } : {}),
    },
  );
  if (fresh)
    seedObjects(cluster, [...standardObjects(cluster.settings.serviceRange), ...(options.seed ?? [])]);
  reconcile(cluster);
  const issued = new Map<string, { user: string; groups: string[]; expiresAt: number }>();
  const protocol = createKubernetesProtocol(cluster, {
    name: options.name ?? 'kubernetes',
    authentication: {
      tokens: options.tokens ?? 'any',
      issued,
      now: () => options.clock.now(),
      ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    },
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
      seedObjects(cluster, [...standardObjects(cluster.settings.serviceRange), ...(options.seed ?? [])]);
      reconcile(cluster);
      options.onStateChange?.();
    },
    issueToken(identity) {
      const token = `fake-${randomBytes(16).toString('hex')}`;
      issued.set(token, {
        user: identity.user,
        groups: [...(identity.groups ?? []), 'system:authenticated'],
        expiresAt: options.clock.now() + (identity.ttlMs ?? 3_600_000),
      });
      return token;
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
  /**
   * Serve HTTPS as a real API server: a serving certificate for 127.0.0.1 signed by the cluster CA
   * (this one, or a fresh one when `true`), and client certificates that chain to it authenticate.
   */
  tls?: boolean | { authority: CertificateAndKey };
  /** Listen on this loopback address instead of 127.0.0.1 (a kubeadm control plane on its VM's). */
  host?: string;
  /** More names and addresses for the serving certificate (kubeadm's `apiServer.certSANs`). */
  serverNames?: readonly string[];
}

/** A fake cluster served over HTTP, or HTTPS with its cluster CA. */
export interface RunningKubernetesFake extends RunningService {
  readonly fake: KubernetesFake;
  /** The cluster CA, when served over TLS. */
  readonly authority?: CertificateAndKey;
  /** A kubeconfig (JSON, which is YAML) reaching this server with one kind of credential. */
  kubeconfig(credential: FakeKubeconfigCredential): Promise<string>;
}

/** Serve a fake Kubernetes API server on 127.0.0.1. */
export async function startKubernetesFake(
  options: StartKubernetesFakeOptions,
): Promise<RunningKubernetesFake> {
  const { faults, callLog, stateFile, port, tls, host, serverNames, ...fakeOptions } = options;
  const store = createStateStore<KubernetesState>(emptyKubernetesState, stateFile);
  const fake = createKubernetesFake({
    ...fakeOptions,
    state: store.state,
    onStateChange: () => store.save(),
  });
  store.save();
  // The certificate builder loads only for a fake that serves TLS.
  const pki = tls ? await import('../framework/pki.js') : undefined;
  const authority =
    tls === true ? await pki?.createCertificateAuthority('kubernetes') : tls ? tls.authority : undefined;
  const names = [...new Set(['127.0.0.1', 'localhost', ...(host ? [host] : []), ...(serverNames ?? [])])];
  const serving = authority ? await pki?.issueServerCertificate(authority, names) : undefined;
  const running = await startService(
    fake.protocol,
    {
      clock: options.clock,
      faults,
      callLog,
      ...(authority && serving ? { tls: { ...serving, clientCaPem: authority.certificatePem } } : {}),
      ...(host ? { host } : {}),
    },
    port ?? 0,
  );
  return {
    ...running,
    fake,
    ...(authority ? { authority } : {}),
    kubeconfig: (credential) => fakeKubeconfig({ server: running.url, fake, authority }, credential),
  };
}
