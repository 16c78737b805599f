import type { HubConfig, NodeGroupConfig } from '../../config/index.js';
import type { DeploymentLockApiV1 } from './lock.js';
import type { MachineTypesApiV1 } from './machine-types.js';
import type { ToolName } from './provider.js';
import type { DeploymentFactsV1, ProviderResourceV1 } from './resources.js';
import type { ProviderWarningV1 } from './warnings.js';

/** Lifecycle states common to every cloud, mapped from each cloud's own at the provider edge. */
export type ResourceStatusV1 = 'creating' | 'active' | 'updating' | 'deleting' | 'failed';

export interface ObservedClusterV1 {
  name: string;
  status: ResourceStatusV1;
  kubernetesVersion: string;
  /** The API server URL, once known. */
  endpoint?: string;
  tags: Record<string, string>;
  /** Why the cloud says it failed, when `status` is `failed`. */
  statusReason?: string;
  /**
   * Optional in v1: the IPv4 range the cluster allocates Service IPs from, as the cloud reports it
   * (EKS `kubernetesNetworkConfig.serviceIpv4Cidr`, GKE `servicesIpv4Cidr`, Magnum's
   * `service_cluster_ip_range` label, NeCTAR's kubeadm `serviceSubnet`). Fixed Service IPs (the NFS
   * servers') are placed in it; without it core uses the provider's `defaultServiceCidr`.
   */
  serviceCidr?: string;
}

export interface ObservedNodeGroupV1 {
  name: string;
  status: ResourceStatusV1;
  instanceType: string;
  min: number;
  max: number;
  /** Nodes the cloud is aiming for right now. */
  desired: number;
  diskSizeGiB?: number;
  /** The nodes' Kubernetes version (`1.33`), when the cloud reports one; a lower one than the config's is rolled up. */
  kubernetesVersion?: string;
  labels: Record<string, string>;
  taints: { key: string; value: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  tags: Record<string, string>;
}

export interface ObservedVolumeV1 {
  /** The cloud's id (EBS volume id, Cinder uuid, PD name, or the export path on the NeCTAR storage node). */
  id: string;
  /** The hub this volume belongs to, from its ownership tag. */
  hub: string;
  sizeGiB: number;
  zone?: string;
  status: 'creating' | 'available' | 'in-use' | 'deleting' | 'error';
  tags: Record<string, string>;
}

/** Where a snapshot of a hub's volume stands, in every cloud's terms. */
export type SnapshotStatusV1 = 'pending' | 'completed' | 'error';

/** A snapshot hubfleet took of a hub's volume (`storage.onDelete: snapshot`), found by its tags. */
export interface ObservedSnapshotV1 {
  id: string;
  /** The volume it is a snapshot of. */
  volumeId: string;
  status: SnapshotStatusV1;
}

/** What the NFS server chart needs to mount a hub's volume. */
export interface VolumeAttachmentV1 {
  /** CSI driver name, e.g. `ebs.csi.aws.com`, `pd.csi.storage.gke.io`, `cinder.csi.openstack.org`; absent for an NFS export. */
  csiDriver?: string;
  volumeHandle?: string;
  /** For providers whose storage is already an NFS export (NeCTAR storage node). */
  nfsExport?: { server: string; path: string };
  /** Pods using the volume must run in this zone. */
  zone?: string;
}

/** Something the cluster step makes or removes besides the cluster itself (e.g. its VPC, an IAM role). */
export interface BaseResourceV1 {
  /** e.g. `network`, `role`. */
  kind: string;
  /** What an operator finds it by in the console: `vpc vpc-0abc (10.0.0.0/16)`, `hubfleet-demo-cluster`. */
  name: string;
  /** True when it exists now (`down` removes it); false when `up` would create it. */
  exists: boolean;
}

export interface ClusterApiV1 {
  /** The deployment's cluster, or undefined when it does not exist. */
  observe(): Promise<ObservedClusterV1 | undefined>;
  create(): Promise<void>;
  /** Bring a live cluster to the config (version, tags); never replaces it. */
  update(observed: ObservedClusterV1): Promise<ProviderWarningV1[]>;
  /** Delete the cluster; once it is gone, delete the network and roles made for it (a no-op when they are gone too). */
  delete(): Promise<void>;
  /**
   * Optional in v1: once the cluster is gone, what hubfleet made for it that is still there (e.g.
   * `network`, `roles`); empty when nothing is left. With it, `down` keeps the cluster's step open
   * until they are gone too. AWS does not implement it yet (`down` then ends with `releaseClusterBase`).
   */
  leftovers?(): Promise<string[]>;
  /**
   * Optional in v1: what `create` makes and `delete` removes besides the cluster (network, roles),
   * observed where it exists, so `plan` names it on the cluster's step. Configured (not owned) ones are
   * left out: hubfleet neither makes nor removes them.
   */
  baseResources?(): Promise<BaseResourceV1[]>;
  /** A kubeconfig (YAML) with credentials valid for at least the next few minutes. */
  kubeconfig(): Promise<string>;
  /**
   * Optional in v1: the cloud's own exec credential helper for this cluster when it is installed
   * here (e.g. `aws eks get-token` with `aws` on PATH), which `hubfleet kubeconfig` writes in place
   * of `hubfleet kubeconfig token`. Undefined when it is not installed or cannot reach the cluster
   * (a simulated cloud).
   */
  credentialHelper?(): CredentialHelperV1 | undefined;
}

/**
 * A command that prints an ExecCredential for the cluster, written into the kubeconfig's `exec`
 * entry as the cloud's own tooling writes it.
 */
export interface CredentialHelperV1 {
  command: string;
  args: string[];
  /** The ExecCredential version it speaks. @default 'client.authentication.k8s.io/v1' */
  apiVersion?: string;
  /** What kubectl prints when the command is missing (e.g. how to install gke-gcloud-auth-plugin). */
  installHint?: string;
  /** Whether kubectl passes the cluster's details to it (`KUBERNETES_EXEC_INFO`). @default false */
  provideClusterInfo?: boolean;
}

export interface NodeGroupApiV1 {
  /** Every nodegroup the deployment owns, found by ownership tags in one call or a few. */
  list(): Promise<ObservedNodeGroupV1[]>;
  create(nodeGroup: NodeGroupConfig): Promise<void>;
  /**
   * Bring a live nodegroup to the config: sizes, labels, taints and, when `observed.kubernetesVersion`
   * is older than the cluster's configured version, a rolling upgrade of its nodes to it. When both
   * are due, the version goes first and core calls `update` again once the nodegroup is active.
   */
  update(nodeGroup: NodeGroupConfig, observed: ObservedNodeGroupV1): Promise<ProviderWarningV1[]>;
  delete(name: string): Promise<void>;
  /** True when a change from `observed` to `nodeGroup` cannot be made in place (e.g. instance type). */
  requiresReplacement(nodeGroup: NodeGroupConfig, observed: ObservedNodeGroupV1): boolean;
  /**
   * Optional in v1, required when `capabilities.nodeLabelsReachNodes` is false: a Kubernetes label
   * selector that finds the nodegroup's nodes by what the cloud itself puts on them (e.g. Magnum's
   * `magnum.openstack.org/nodegroup=<name>`). Core labels and taints those nodes itself and counts
   * the user pods on them with it, since `hubfleet.io/nodegroup` may not be there yet.
   */
  nodeSelector?(name: string): string;
}

export interface VolumeApiV1 {
  /** Every data volume the deployment owns, by ownership tags, retained ones included. */
  list(): Promise<ObservedVolumeV1[]>;
  /** Create the hub's volume (or adopt `storage.adoptVolume`) and return its id. */
  create(hub: HubConfig): Promise<ObservedVolumeV1>;
  /** Start a snapshot of `volume`, tagged with the volume (and its hub), and return its id at once. */
  snapshot(volume: ObservedVolumeV1): Promise<{ snapshotId: string }>;
  /**
   * Optional in v1: the newest snapshot hubfleet took of `volume` (by its tags), if any, so a delete
   * that is retried or re-run after an interruption waits for that snapshot instead of taking another.
   */
  findSnapshot?(volume: ObservedVolumeV1): Promise<ObservedSnapshotV1 | undefined>;
  /**
   * Optional in v1: where a snapshot stands (`undefined` when it does not exist). With it, a volume
   * with `onDelete: snapshot` is deleted only once its snapshot has completed. AWS will implement it
   * (EC2 DescribeSnapshots); without it the volume is deleted as soon as `snapshot` returns.
   */
  snapshotStatus?(snapshotId: string): Promise<SnapshotStatusV1 | undefined>;
  delete(volume: ObservedVolumeV1): Promise<void>;
  attachment(volume: ObservedVolumeV1): VolumeAttachmentV1;
}

/** An in-cluster add-on the cloud needs, installed by the Kubernetes layer. */
export interface AddonSpecV1 {
  name: string;
  /** Why this cloud needs it, shown in `plan`. */
  reason: string;
  /** Helm chart values merged into a tool's values, keyed by tool name (e.g. `cluster-autoscaler`). */
  toolValues?: Record<string, Record<string, unknown>>;
  /** Raw manifests applied without helm (e.g. a StorageClass). */
  manifests?: Record<string, unknown>[];
  /**
   * Optional in v1: the cloud runs its own equivalent of `tools.<tool>` (OpenStack: Magnum's
   * cluster-autoscaler, which the cluster template's labels turn on). hubfleet's is then not
   * installed, with this add-on's `reason`, unless the config sets `tools.<tool>.enabled` itself.
   */
  replacesTool?: ToolName;
}

export interface ProviderSessionV1 {
  cluster: ClusterApiV1;
  nodeGroups: NodeGroupApiV1;
  volumes: VolumeApiV1;
  /**
   * The cloud's in-cluster add-ons. Called again whenever a fact changes (at plan time with what
   * exists, during `up` as facts appear), so values may use e.g. the observed Service range or the
   * ingress address; `facts` is empty before anything exists.
   */
  addons(facts?: DeploymentFactsV1): AddonSpecV1[];
  /**
   * Optional in v1: steps the provider adds to the deployment graph, placed by anchors (see
   * `ProviderResourceV1`). Called once per graph.
   */
  resources?(): ProviderResourceV1[];
  /** Optional in v1: the deployment's lock in the cloud (see lock.ts for the fallback without it). */
  lock?: DeploymentLockApiV1;
  /** Optional in v1: machine types as the account and region offer them (`machine-types.ts`). */
  machineTypes?: MachineTypesApiV1;
  /** Release connections and timers. */
  close(): Promise<void>;
}
