import { parseAllDocuments } from 'yaml';

/** What the sim reads from a kubeadm config file (kubeadm.k8s.io/v1beta4, several documents). */
export interface KubeadmInitSettings {
  kubernetesVersion?: string;
  advertiseAddress?: string;
  controlPlaneEndpoint?: string;
  certSans: string[];
  nodeName?: string;
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

export interface KubeadmJoinSettings {
  apiServerEndpoint?: string;
  token?: string;
  caCertHashes: string[];
  nodeName?: string;
  labels: Record<string, string>;
  taints: KubeadmInitSettings['taints'];
}

type Doc = Record<string, unknown>;

function record(value: unknown): Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Doc) : {};
}

function documents(text: string): Doc[] {
  return parseAllDocuments(text).map((doc) => record(doc.toJS()));
}

function ofKind(docs: Doc[], kind: string): Doc {
  return docs.find((doc) => doc.kind === kind) ?? {};
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** v1beta4 kubeletExtraArgs is a list of {name, value}; node-labels is `k=v,k=v`. */
function labelsOf(registration: Doc): Record<string, string> {
  const args = Array.isArray(registration.kubeletExtraArgs) ? registration.kubeletExtraArgs : [];
  const labels: Record<string, string> = {};
  for (const arg of args.map(record)) {
    if (arg.name !== 'node-labels' || typeof arg.value !== 'string') continue;
    for (const pair of arg.value.split(',').filter(Boolean)) {
      const [key = '', value = ''] = pair.split('=');
      labels[key] = value;
    }
  }
  return labels;
}

function taintsOf(registration: Doc): KubeadmInitSettings['taints'] {
  const taints = Array.isArray(registration.taints) ? registration.taints.map(record) : [];
  return taints.flatMap((taint) => {
    const key = stringOrUndefined(taint.key);
    const effect = taint.effect;
    if (!key || (effect !== 'NoSchedule' && effect !== 'PreferNoSchedule' && effect !== 'NoExecute'))
      return [];
    const value = stringOrUndefined(taint.value);
    return [{ key, effect, ...(value ? { value } : {}) }];
  });
}

export function readInitConfig(text: string): KubeadmInitSettings {
  const docs = documents(text);
  const init = ofKind(docs, 'InitConfiguration');
  const cluster = ofKind(docs, 'ClusterConfiguration');
  const registration = record(init.nodeRegistration);
  const sans = record(cluster.apiServer).certSANs;
  const settings: KubeadmInitSettings = {
    certSans: Array.isArray(sans) ? sans.filter((san): san is string => typeof san === 'string') : [],
    labels: labelsOf(registration),
    taints: taintsOf(registration),
  };
  const version = stringOrUndefined(cluster.kubernetesVersion);
  const advertise = stringOrUndefined(record(init.localAPIEndpoint).advertiseAddress);
  const endpoint = stringOrUndefined(cluster.controlPlaneEndpoint);
  const name = stringOrUndefined(registration.name);
  return {
    ...settings,
    ...(version ? { kubernetesVersion: version } : {}),
    ...(advertise ? { advertiseAddress: advertise } : {}),
    ...(endpoint ? { controlPlaneEndpoint: endpoint } : {}),
    ...(name ? { nodeName: name } : {}),
  };
}

export function readJoinConfig(text: string): KubeadmJoinSettings {
  const join = ofKind(documents(text), 'JoinConfiguration');
  const token = record(record(join.discovery).bootstrapToken);
  const registration = record(join.nodeRegistration);
  const hashes = token.caCertHashes;
  const endpoint = stringOrUndefined(token.apiServerEndpoint);
  const secret = stringOrUndefined(token.token);
  const name = stringOrUndefined(registration.name);
  return {
    caCertHashes: Array.isArray(hashes)
      ? hashes.filter((hash): hash is string => typeof hash === 'string')
      : [],
    labels: labelsOf(registration),
    taints: taintsOf(registration),
    ...(endpoint ? { apiServerEndpoint: endpoint } : {}),
    ...(secret ? { token: secret } : {}),
    ...(name ? { nodeName: name } : {}),
  };
}
