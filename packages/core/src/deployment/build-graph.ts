import type { HubfleetConfig } from '../config/deployment.js';
import type { SecretRef } from '../config/secret.js';
import type { AnyResourceNode } from '../engine/resource.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, type Sleep, sleepOnTimers } from '../engine/retry.js';
import type { KubeRetryOptions } from '../kubernetes/install/kube-client.js';
import type { ReleaseInstaller } from '../kubernetes/install/release-installer.js';
import type { ProviderV1 } from '../provider/v1/provider.js';
import type { ProviderSessionV1 } from '../provider/v1/session.js';
import { cloudNodes } from './cloud-nodes.js';
import { createClusterConnection } from './cluster-connection.js';
import { type DeploymentContext, loadBalancersNodeId, nodeGroupNodeId } from './deployment-context.js';
import { createRenderer, type DeploymentRenderer } from './deployment-render.js';
import { createFactsStore, type FactsStore } from './facts-store.js';
import { kubernetesNodes } from './kubernetes-nodes.js';
import { loadBalancersNode } from './load-balancers-node.js';
import { withNodeLabelSteps } from './node-labels-node.js';
import { placeProviderResources, withProviderResources } from './place-provider-resources.js';
import { providerResourceNode, providerResourceNodeId } from './provider-resource-node.js';
import { createReadCache } from './read-cache.js';
import { retryReads } from './retry-reads.js';
import { undesiredNodes } from './undesired-nodes.js';

export interface DeploymentGraphOptions {
  config: HubfleetConfig;
  provider: ProviderV1;
  session: ProviderSessionV1;
  installer: ReleaseInstaller;
  /** A secret's value, read when a Secret is applied (and hashed to see if it changed); never printed. */
  resolveSecret: (ref: SecretRef) => string;
  /** How often waiting steps look again. @default 10 s (a real cloud); the simulated one wants a few ms. */
  pollIntervalMs?: number;
  sleep?: Sleep;
  /**
   * Retries of work outside the engine's steps (finding undesired resources, listing for teardown,
   * status, the final release of the network and roles). @default DEFAULT_RETRY_POLICY
   */
  retry?: RetryPolicy;
  /** Retries of single Kubernetes API calls. */
  kubeRetry?: KubeRetryOptions;
  /** Provisioned facts, shared with whoever renders status. @default a fresh store */
  facts?: FactsStore;
}

/** A deployment as resources for the engine, and the handles its commands need. */
export interface DeploymentGraph {
  /** Everything the config asks for: `planChanges({ desired })`. */
  desired: AnyResourceNode[];
  /** What the deployment owns that the config no longer asks for: `planChanges({ undesired })`. */
  findUndesired(): Promise<AnyResourceNode[]>;
  /**
   * Everything the deployment may own, for `planTeardown`: its order is hub releases → LoadBalancer
   * Services → nodegroups → cloud add-ons → cluster (→ network and roles, in the cluster's step);
   * volumes as their hub's `onDelete` says.
   */
  teardown(): Promise<AnyResourceNode[]>;
  /** The provider's own steps (`session.resources()`), as they are in `desired`. */
  providerResources: AnyResourceNode[];
  /** Shared by every resource: the read cache, the cluster connection, the warnings. */
  context: DeploymentContext;
  /** The Kubernetes layer as rendered with the facts known now. */
  render: DeploymentRenderer;
  /**
   * Planning reads one snapshot of the world (each list once); call this between plan and apply,
   * so every step observes afresh before it acts.
   */
  goLive(): void;
}

/**
 * The resource graph of a deployment: cloud (cluster, add-ons, nodegroups, volumes) and Kubernetes
 * (one step per helm release, one per object applied without helm), every dependency declared by
 * the resource that has it. Releases render with real facts: the volumes as the provider observed or
 * created them, and the provider's `addons()`.
 */
export function buildDeploymentGraph(options: DeploymentGraphOptions): DeploymentGraph {
  const cache = createReadCache('snapshot');
  const context: DeploymentContext = {
    config: options.config,
    provider: options.provider,
    session: options.session,
    installer: options.installer,
    cache,
    cluster: createClusterConnection({
      cluster: options.session.cluster,
      cache,
      ...(options.provider.credentialLifetimeMs === undefined
        ? {}
        : { credentialLifetimeMs: options.provider.credentialLifetimeMs }),
      ...(options.kubeRetry === undefined ? {} : { kubeRetry: options.kubeRetry }),
    }),
    facts: options.facts ?? createFactsStore(),
    resolveSecret: options.resolveSecret,
    pollIntervalMs: options.pollIntervalMs ?? 10_000,
    sleep: options.sleep ?? sleepOnTimers,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    warnings: [],
    notices: [],
  };
  const renderer = createRenderer(context);
  const resources = options.session.resources?.() ?? [];
  const place = (nodes: AnyResourceNode[]) =>
    withProviderResources(nodes, resources, (resource, dependsOn) =>
      providerResourceNode(context, resource, dependsOn),
    );
  const cloud = cloudNodes(context);
  const desired = place(withNodeLabelSteps(context, [...cloud, ...kubernetesNodes(context, renderer)]));
  const desiredIds = new Set(desired.map((node) => node.id));
  const undesired = async (extra?: string[]) =>
    placeProviderResources(
      await retryReads(context, () => undesiredNodes(context, desiredIds, extra)),
      resources,
    );

  const resourceIds = new Set(resources.map(providerResourceNodeId));
  return {
    desired,
    providerResources: desired.filter((node) => resourceIds.has(node.id)),
    context,
    render: renderer,
    findUndesired: () => undesired(),
    async teardown() {
      const loadBalancers = loadBalancersNodeId(context.config);
      const extra = [loadBalancers];
      const leftover = await retryReads(context, () => undesiredNodes(context, desiredIds, extra));
      const nodeGroups = [
        ...context.config.cluster.nodeGroups.map((group) => nodeGroupNodeId(group.name)),
        ...leftover.filter((node) => node.kind === 'nodegroup').map((node) => node.id),
      ];
      return place([
        ...cloud,
        loadBalancersNode(context, nodeGroups),
        ...kubernetesNodes(context, renderer, { extraDependsOn: extra }),
        ...leftover,
      ]);
    },
    goLive: () => cache.live(),
  };
}
