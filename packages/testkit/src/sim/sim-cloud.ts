import type { ObservedVolumeV1, ProviderSettingsV1, ResourceStatusV1 } from '@hubfleet/core';
import type { CallRecord } from '../framework/call-log.js';
import type { FaultInjector } from '../framework/faults.js';
import type { CapacityOf } from './sim-node-groups.js';

/**
 * How a simulated cloud is started. Everything but `stateDirectory` is optional, so `hubfleet sim
 * serve --provider KIND` can start any registered sim with no config at all.
 */
export interface SimCloudStartOptions {
  /**
   * Where the cloud keeps its state between processes (one JSON file per service) and its call log
   * (`calls.jsonl`, see `SIM_CALL_LOG`). Created when missing; a second start on the same directory
   * continues the same account.
   */
  stateDirectory: string;
  /** Every modelled duration is divided by this (2000: a 12-minute cluster takes 0.36 s). @default 1 */
  speed?: number;
  /** Probability in [0, 1) that any call fails with a transient fault (throttle, 5xx, dropped connection). */
  faultRate?: number;
  /** Seed of those faults, so a failing run replays exactly. @default 1 */
  faultSeed?: number;
  /**
   * The config's `provider:` section, when there is a config: the sim takes what the real cloud
   * would be told from it (AWS: `region`), so endpoints, ARNs and zones match the configured place.
   */
  settings?: ProviderSettingsV1;
  /** The region (or location) to simulate; wins over `settings`. Default: the factory's own. */
  region?: string;
  /** CPU, memory and GPUs of a machine type, from the provider's catalog, for the simulated Nodes. */
  capacityOf?: CapacityOf;
}

/**
 * A running simulated cloud: every service of one provider on 127.0.0.1, plus the Kubernetes API
 * of its cluster, sharing one clock, one fault injector and one call log.
 */
export interface SimCloud {
  /** The `provider.kind` it simulates, e.g. `aws`. */
  readonly provider: string;
  /** The region (or location) it simulates. */
  readonly region: string;
  /**
   * Service name → base URL, e.g. `{ eks: 'http://127.0.0.1:40123', kubernetes: '...' }`. The
   * names are the provider's own (what its connect expects in `ConnectContextV1.simulation`);
   * `kubernetes` is always the cluster's API.
   */
  readonly endpoints: Readonly<Record<string, string>>;
  /**
   * The simulated account's credentials, by the provider's own names (AWS: `accessKeyId`,
   * `secretAccessKey`). Fixed, public test values, never a real secret: fine to print.
   */
  readonly credentials: Readonly<Record<string, string>>;
  readonly stateDirectory: string;
  /** `<stateDirectory>/calls.jsonl`: one `CallRecord` per answered call, across every process. */
  readonly callLogFile: string;
  /** Script more faults while it runs (tests: throttling, quotas, lost replies). */
  readonly faults: FaultInjector;
  /** Every call answered on this state directory so far, oldest first (all processes). */
  calls(): CallRecord[];
  /** What the account holds now, pending transitions settled, in provider-neutral terms. */
  inventory(): Promise<SimInventory>;
  /** Stop every service; the state stays on disk. */
  close(): Promise<void>;
}

/** A cloud provider's simulator, as the `simCloudFactories` registry holds it. */
export interface SimCloudFactory {
  /** The `provider.kind` it simulates. */
  readonly provider: string;
  /** What it runs, for people (`sim serve` says it on stderr), e.g. `EKS, EC2, IAM, STS, S3 and the cluster's Kubernetes API`. */
  readonly description: string;
  /** Start the cloud; import its fakes lazily here, so the registry itself stays cheap to load. */
  start(options: SimCloudStartOptions): Promise<SimCloud>;
}

/**
 * Who owns a resource, from hubfleet's ownership tags (or labels): absent for a resource no
 * deployment claims.
 */
export interface SimOwned {
  deployment?: string;
}

export interface SimCluster extends SimOwned {
  name: string;
  status: ResourceStatusV1;
  kubernetesVersion: string;
}

export interface SimNodeGroup extends SimOwned {
  cluster: string;
  /** The cloud's name for the group (AWS: `<deployment>-<nodegroup>`). */
  name: string;
  /** The config's nodegroup name, from the ownership tag, when the cloud holds one. */
  nodeGroup?: string;
  status: ResourceStatusV1;
  machineType: string;
  desiredNodes: number;
  /** Nodes that exist now (0 while the group is created or deleted). */
  readyNodes: number;
}

/** Something the cloud installs into a cluster (EKS add-ons, GKE add-ons). */
export interface SimClusterAddon extends SimOwned {
  cluster: string;
  name: string;
  status: ResourceStatusV1;
}

export interface SimVolume extends SimOwned {
  id: string;
  /** The hub it belongs to, from its ownership tag. */
  hub?: string;
  sizeGiB: number;
  zone: string;
  /** As `ObservedVolumeV1` spells it; a deleted volume is not listed. */
  status: ObservedVolumeV1['status'];
}

/** A private network (VPC, VPC network, Neutron network). */
export interface SimNetwork extends SimOwned {
  id: string;
  cidr?: string;
}

export interface SimSubnet extends SimOwned {
  id: string;
  network: string;
  cidr: string;
  zone?: string;
}

/** What connects a network to the internet (internet gateway, router). */
export interface SimGateway extends SimOwned {
  id: string;
  /** The network it is attached to, if any. */
  network?: string;
}

/** An identity the deployment created in the cloud (IAM role, service account, application credential). */
export interface SimIdentity extends SimOwned {
  name: string;
  kind: 'role' | 'service-account' | 'user';
}

/** A load balancer the cloud made for a LoadBalancer Service. */
export interface SimLoadBalancer {
  /** The Service it serves, `<namespace>/<name>`. */
  service: string;
  hostname?: string;
  ip?: string;
}

/** A reserved address (GKE static address, OpenStack floating IP, AWS Elastic IP). */
export interface SimAddress extends SimOwned {
  name: string;
  ip: string;
}

/** Counts of the calls answered on this state directory, across every process. */
export interface SimCallCounts {
  total: number;
  mutating: number;
  /** Calls answered with an error status, or dropped (status 0). */
  failed: number;
}

/**
 * What a simulated account holds, in the config's vocabulary rather than a cloud's: what the CLI's
 * tests assert on (one network, one cluster, the hub's volume kept) for every provider alike. A
 * provider that has no such thing returns an empty list (AWS reserves no addresses).
 */
export interface SimInventory {
  provider: string;
  region: string;
  clusters: SimCluster[];
  nodeGroups: SimNodeGroup[];
  addons: SimClusterAddon[];
  volumes: SimVolume[];
  networks: SimNetwork[];
  subnets: SimSubnet[];
  gateways: SimGateway[];
  identities: SimIdentity[];
  loadBalancers: SimLoadBalancer[];
  addresses: SimAddress[];
  calls: SimCallCounts;
}
