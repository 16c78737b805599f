import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createCallLog } from '../framework/call-log.js';
import { createClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import { readBody } from '../framework/http-service.js';
import { createCertificateAuthority, issueClientCertificate } from '../framework/pki.js';
import { createStateStore } from '../framework/state-store.js';
import { type RunningKubernetesFake, startKubernetesFake } from '../kubernetes/kubernetes-fake.js';
import type { KubernetesNodeGroup } from '../kubernetes/node-group.js';
import {
  caCertHash,
  durationMs,
  type KubeadmClusterRecord,
  type KubeadmControlState,
  minorNumber,
  minorOf,
  newBootstrapToken,
} from './kubeadm-clusters.js';
import { readInitConfig, readJoinConfig } from './kubeadm-config.js';
import { kubeconfig } from './kubeconfig-text.js';

/** What the control service knows of a VM: where it is and how big (the Node's capacity). */
export interface ControlVm {
  address: string;
  /** Other addresses that reach the VM (its fixed IP on a private network, a floating IP): a join may name any. */
  aliases?: string[];
  flavor: string;
  capacity: { cpu: string; memory: string };
}

/** The simulated kubeadm: clusters the stubs create, join and reset, each a Kubernetes API over TLS. */
export interface KubeadmControl {
  readonly url: string;
  readonly state: KubeadmControlState;
  /** Every cluster API call and kubeadm control call (service `kubeadm`: `upgrade`, `kubelet`, …), in order. */
  readonly callLogFile: string;
  /** Tell it where a VM is; a cluster an earlier process recorded for it is served again. */
  registerVm(name: string, vm: ControlVm): Promise<void>;
  /** The VM is gone for good: its Nodes go (the sim has no NotReady Nodes) and a cluster it ran stops. */
  forgetVm(name: string): Promise<void>;
  /** The running API of the cluster whose control plane is `vm`. */
  cluster(vm: string): RunningKubernetesFake | undefined;
  close(): Promise<void>;
}

/** A kubeadm error: the status code carries the message the stub prints and exits 1 with. */
class KubeadmError extends Error {}

const API_PORT = 6443;

function nodeGroups(record: KubeadmClusterRecord, vms: Map<string, ControlVm>): KubernetesNodeGroup[] {
  return Object.entries(record.nodes).map(([name, node]) => {
    const vm = vms.get(node.vm);
    return {
      name,
      desired: 1,
      nodeNames: [name],
      instanceType: vm?.flavor ?? 'unknown',
      labels: {
        ...node.labels,
        ...(node.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
      taints: node.taints,
      kubeletVersion: `v${node.kubeletVersion.split('-')[0]}`,
      capacity: vm?.capacity ?? { cpu: '2', memory: '4Gi' },
    };
  });
}

/**
 * Start the kubeadm control service on 127.0.0.1. Its state (CAs, tokens, Nodes) is kept in
 * `<directory>/kubeadm.json` and each cluster's objects in `<directory>/kubernetes-<vm>.json`, so a
 * fleet restarted on the same directory serves the same clusters.
 */
export async function startKubeadmControl(directory: string): Promise<KubeadmControl> {
  const store = createStateStore<KubeadmControlState>(
    () => ({ clusters: {} }),
    join(directory, 'kubeadm.json'),
  );
  const { state } = store;
  const vms = new Map<string, ControlVm>();
  const running = new Map<string, RunningKubernetesFake>();
  const starting = new Map<string, Promise<RunningKubernetesFake>>();
  const clock = createClock(1000);
  const faults = createFaultInjector();
  const callLogFile = join(directory, 'kubernetes-calls.jsonl');
  const callLog = createCallLog(callLogFile);

  async function serve(record: KubeadmClusterRecord): Promise<RunningKubernetesFake> {
    const [host = '127.0.0.1'] = record.endpoint.split(':');
    const fake = await startKubernetesFake({
      clock,
      faults,
      callLog,
      name: `kubernetes-${record.controlPlaneVm}`,
      stateFile: join(directory, `kubernetes-${record.controlPlaneVm}.json`),
      gitVersion: `v${record.kubernetesVersion}`,
      loadBalancerIngress: 'ip',
      nodeGroups: () => nodeGroups(record, vms),
      host,
      port: API_PORT,
      tls: { authority: record.ca },
      serverNames: [
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        '10.96.0.1',
        ...record.certSans,
      ],
    });
    running.set(record.controlPlaneVm, fake);
    return fake;
  }

  function clusterAt(endpoint: string | undefined): KubeadmClusterRecord {
    const record = Object.values(state.clusters).find(
      (cluster) =>
        cluster.endpoint === endpoint ||
        (vms.get(cluster.controlPlaneVm)?.aliases ?? []).some((alias) => `${alias}:${API_PORT}` === endpoint),
    );
    if (!record) {
      throw new KubeadmError(
        `error execution phase preflight: couldn't validate the identity of the API Server: Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info": dial tcp ${endpoint}: connect: connection refused`,
      );
    }
    return record;
  }

  async function init(vm: string, version: string, config: string): Promise<string> {
    if (state.clusters[vm]) throw new KubeadmError(`[ERROR Port-${API_PORT}]: Port ${API_PORT} is in use`);
    const address = vms.get(vm)?.address;
    if (!address) throw new KubeadmError(`sim: VM ${vm} is not registered with the kubeadm control service`);
    const settings = readInitConfig(config);
    const wanted = settings.kubernetesVersion?.replace(/^v/, '') ?? version.split('-')[0] ?? version;
    if (minorOf(wanted) !== minorOf(version)) {
      throw new KubeadmError(
        `this version of kubeadm only supports deploying clusters with the control plane version >= ${minorOf(version)}.0. Current version: v${wanted}`,
      );
    }
    const nodeName = settings.nodeName ?? vm;
    const record: KubeadmClusterRecord = {
      controlPlaneVm: vm,
      endpoint: `${address}:${API_PORT}`,
      kubernetesVersion: wanted,
      certSans: [...settings.certSans, ...(settings.advertiseAddress ? [settings.advertiseAddress] : [])],
      ca: await createCertificateAuthority('kubernetes'),
      tokens: [],
      nodes: {
        [nodeName]: {
          vm,
          controlPlane: true,
          kubeletVersion: version,
          labels: settings.labels,
          taints: [
            { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
            ...settings.taints,
          ],
        },
      },
    };
    state.clusters[vm] = record;
    store.save();
    await serve(record);
    const admin = await issueClientCertificate(record.ca, {
      commonName: 'kubernetes-admin',
      organizations: ['kubeadm:cluster-admins'],
    });
    return kubeconfig(`https://${record.endpoint}`, record.ca.certificatePem, 'kubernetes-admin', admin);
  }

  function token(vm: string, ttl: string): string {
    const record = state.clusters[vm];
    if (!record) throw new KubeadmError('failed to load admin kubeconfig: this VM runs no control plane');
    const created = newBootstrapToken();
    const lifetime = durationMs(ttl);
    record.tokens.push({
      ...created,
      expiresAt: lifetime === 0 ? Number.MAX_SAFE_INTEGER : Date.now() + lifetime,
    });
    store.save();
    return `kubeadm join ${record.endpoint} --token ${created.id}.${created.secret} --discovery-token-ca-cert-hash ${caCertHash(record.ca.certificatePem)} \n`;
  }

  async function joinNode(vm: string, hostname: string, version: string, config: string): Promise<string> {
    const settings = readJoinConfig(config);
    const record = clusterAt(settings.apiServerEndpoint);
    const [id, secret] = (settings.token ?? '').split('.');
    const known = record.tokens.find((candidate) => candidate.id === id && candidate.secret === secret);
    if (!known || known.expiresAt < Date.now()) {
      throw new KubeadmError(
        `error execution phase preflight: couldn't validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "${id}"`,
      );
    }
    const hash = caCertHash(record.ca.certificatePem);
    if (!settings.caCertHashes.includes(hash)) {
      throw new KubeadmError(
        `error execution phase preflight: cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${hash}" are pinned`,
      );
    }
    const skew = minorNumber(record.kubernetesVersion) - minorNumber(version);
    if (skew < 0 || skew > 3) {
      throw new KubeadmError(
        `error execution phase kubelet-start: the kubelet version v${version} is not supported by a control plane at v${record.kubernetesVersion}`,
      );
    }
    const name = settings.nodeName ?? hostname;
    const existing = record.nodes[name];
    if (existing && existing.vm !== vm) {
      throw new KubeadmError(
        `error execution phase kubelet-start: a Node with name "${name}" and status "Ready" already exists in the cluster. You must delete the existing Node or change the name of this new joining Node`,
      );
    }
    record.nodes[name] = {
      vm,
      controlPlane: false,
      kubeletVersion: version,
      labels: settings.labels,
      taints: settings.taints,
    };
    store.save();
    running.get(record.controlPlaneVm)?.fake.reconcile();
    const kubelet = await issueClientCertificate(record.ca, {
      commonName: `system:node:${name}`,
      organizations: ['system:nodes'],
    });
    return kubeconfig(`https://${record.endpoint}`, record.ca.certificatePem, `system:node:${name}`, kubelet);
  }

  /** The cluster a VM belongs to: the one it runs the control plane of, or one it joined. */
  function clusterOf(vm: string): KubeadmClusterRecord | undefined {
    return (
      state.clusters[vm] ??
      Object.values(state.clusters).find((cluster) =>
        Object.values(cluster.nodes).some((node) => node.vm === vm),
      )
    );
  }

  /** `kubeadm upgrade apply vX`: one minor at a time, to kubeadm's own version; the API server restarts. */
  async function upgrade(vm: string, kubeadmVersion: string, target: string): Promise<string> {
    const record = state.clusters[vm];
    if (!record)
      throw new KubeadmError('couldn\'t create a Kubernetes client from file "/etc/kubernetes/admin.conf"');
    const wanted = target.replace(/^v/, '');
    const own = kubeadmVersion.split('-')[0] ?? kubeadmVersion;
    if (wanted !== own)
      throw new KubeadmError(
        `[upgrade/version] FATAL: the specified version to upgrade to "v${wanted}" is not kubeadm's own "v${own}": upgrade kubeadm to it first`,
      );
    const step = minorNumber(wanted) - minorNumber(record.kubernetesVersion);
    if (step > 1)
      throw new KubeadmError(
        `[upgrade/version] FATAL: the specified version to upgrade to "v${wanted}" is too high; kubeadm can upgrade only 1 minor version at a time (the cluster runs v${record.kubernetesVersion})`,
      );
    if (step < 0)
      throw new KubeadmError(
        `[upgrade/version] FATAL: the specified version to upgrade to "v${wanted}" is lower than the cluster version "v${record.kubernetesVersion}"; downgrades are not supported`,
      );
    record.kubernetesVersion = wanted;
    store.save();
    await running.get(vm)?.close();
    running.delete(vm);
    await serve(record);
    return '';
  }

  /** `kubeadm upgrade node`: only once the control plane runs kubeadm's minor. */
  function upgradeNode(vm: string, kubeadmVersion: string): string {
    const record = clusterOf(vm);
    if (!record) throw new KubeadmError('sim: this VM is in no cluster');
    if (minorOf(record.kubernetesVersion) !== minorOf(kubeadmVersion))
      throw new KubeadmError(
        `[upgrade] FATAL: the control plane runs v${record.kubernetesVersion} but this kubeadm is v${kubeadmVersion.split('-')[0]}: upgrade the control plane first (kubeadm upgrade apply)`,
      );
    return '';
  }

  /** A kubelet (re)started with `version`: its Nodes report it; newer than the control plane fails. */
  function kubeletStarted(vm: string, version: string): string {
    for (const record of Object.values(state.clusters)) {
      for (const node of Object.values(record.nodes)) {
        if (node.vm !== vm) continue;
        if (minorNumber(version) > minorNumber(record.kubernetesVersion))
          throw new KubeadmError(
            `kubelet v${version.split('-')[0]} is newer than the control plane v${record.kubernetesVersion}: upgrade the control plane first`,
          );
        node.kubeletVersion = version;
      }
      running.get(record.controlPlaneVm)?.fake.reconcile();
    }
    store.save();
    return '';
  }

  async function reset(vm: string): Promise<string> {
    const own = state.clusters[vm];
    if (own) {
      await running.get(vm)?.close();
      running.delete(vm);
      delete state.clusters[vm];
    }
    // A reset node's kubelet stops: the sim drops its Node (a real one would linger NotReady).
    for (const record of Object.values(state.clusters)) {
      for (const [name, node] of Object.entries(record.nodes)) if (node.vm === vm) delete record.nodes[name];
      running.get(record.controlPlaneVm)?.fake.reconcile();
    }
    store.save();
    return '';
  }

  async function route(request: IncomingMessage, url: URL): Promise<string> {
    const vm = url.searchParams.get('vm') ?? '';
    const version = url.searchParams.get('version') ?? '';
    const text = await readBody(request);
    switch (url.pathname) {
      case '/init':
        return init(vm, version, text);
      case '/token':
        return token(vm, url.searchParams.get('ttl') ?? '24h0m0s');
      case '/join':
        return joinNode(vm, url.searchParams.get('hostname') ?? vm, version, text);
      case '/reset':
        return reset(vm);
      case '/upgrade':
        return upgrade(vm, version, url.searchParams.get('target') ?? '');
      case '/upgrade-node':
        return upgradeNode(vm, version);
      case '/kubelet':
        return kubeletStarted(vm, version);
      case '/cluster': {
        const record = clusterOf(vm);
        if (!record) throw new KubeadmError(`sim: VM ${vm} is in no cluster`);
        return record.kubernetesVersion;
      }
      case '/ca': {
        const endpoint = url.searchParams.get('endpoint');
        const record = endpoint
          ? clusterAt(endpoint)
          : Object.values(state.clusters).find(
              (cluster) =>
                cluster.controlPlaneVm === vm || Object.values(cluster.nodes).some((node) => node.vm === vm),
            );
        if (!record) throw new KubeadmError(`sim: VM ${vm} is in no cluster`);
        return record.ca.certificatePem;
      }
      default:
        throw new KubeadmError(`sim: no such kubeadm control call ${url.pathname}`);
    }
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // In the call log with the clusters' API calls, in the order they came: tests read kubeadm's
    // order (upgrade apply, upgrade node, kubelet restarts) against the drains and uncordons.
    const log = (status: number) =>
      callLog.record({
        service: 'kubeadm',
        operation: url.pathname.slice(1),
        mutating: !['/cluster', '/ca'].includes(url.pathname),
        status,
        time: clock.now(),
      });
    route(request, url).then(
      (text) => {
        log(200);
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(text);
      },
      (problem: unknown) => {
        const status = problem instanceof KubeadmError ? 409 : 500;
        log(status);
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(`${problem instanceof Error ? problem.message : String(problem)}\n`);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    callLogFile,
    async registerVm(name, vm) {
      vms.set(name, vm);
      const record = state.clusters[name];
      if (!record || running.has(name)) return;
      // Two registrations at once (the fleet's and the cloud's) must not serve the API twice.
      let started = starting.get(name);
      if (!started) {
        started = serve(record).finally(() => starting.delete(name));
        starting.set(name, started);
      }
      await started;
    },
    async forgetVm(name) {
      await reset(name);
      vms.delete(name);
    },
    cluster: (vm) => running.get(vm),
    async close() {
      for (const fake of running.values()) await fake.close();
      running.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
