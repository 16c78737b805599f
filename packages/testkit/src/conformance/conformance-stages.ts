import type { ProviderCapabilitiesV1 } from '@hubfleet/core';
import type { ProviderConformanceOptions } from './conformance-options.js';

/** The stages of the suite, in the order they run. */
export type ConformanceStageId =
  | 'create'
  | 'service-range'
  | 'nodegroups'
  | 'kubeconfig'
  | 'nodegroup-labels'
  | 'node-labels'
  | 'replan'
  | 'update'
  | 'update-labels'
  | 'provider-resources'
  | 'volumes'
  | 'volume-snapshots'
  | 'delete'
  | 'idempotent-delete'
  | 'retries'
  | 'error-mapping';

/** What a stage's skip decision may look at before anything runs. */
export type StageDeclarations = Pick<ProviderConformanceOptions, 'provider' | 'quotaFault' | 'kubernetes'>;

/** Why a stage reading the cluster's Kubernetes API does not apply to a setup that serves none. */
const needsKubernetes = ({ kubernetes }: StageDeclarations): string | undefined =>
  kubernetes === true ? undefined : 'the setup serves no Kubernetes API (kubernetes: true not declared)';

/** One stage: what it proves, what it needs first, and when it cannot apply. */
export interface ConformanceStage {
  id: ConformanceStageId;
  title: string;
  /** Stages that must have passed in this run; otherwise this one is skipped, naming the first missing. */
  needs: readonly ConformanceStageId[];
  /** Why this stage does not apply, from declarations alone; undefined when it runs. */
  skipReason?(declarations: StageDeclarations): string | undefined;
  /** A condition only the setup's handle (or its session) can answer, checked when the stage starts. */
  runtimeCondition?: 'faults' | 'resources';
}

function lacks(
  capabilities: ProviderCapabilitiesV1,
  capability: keyof ProviderCapabilitiesV1,
): string | undefined {
  return capabilities[capability] === true
    ? undefined
    : `provider declares capabilities.${capability} = false`;
}

/** Every stage, in order. `runProviderConformance` and `conformanceReport` both read this list. */
export const CONFORMANCE_STAGES: readonly ConformanceStage[] = [
  {
    id: 'create',
    title: 'create: no cluster → create → settle → active, tagged hubfleet.io/deployment=<name>',
    needs: [],
  },
  {
    id: 'service-range',
    title:
      "service range: the cluster reports its serviceCidr, and a shared-nfs hub's NFS clusterIP lies in it",
    needs: ['create'],
  },
  {
    id: 'nodegroups',
    title:
      'nodegroups: each configured nodegroup is listed active with its min, max, instance type and ownership tags',
    needs: ['create'],
  },
  {
    id: 'kubeconfig',
    title:
      "kubeconfig: the session's cluster.kubeconfig() is loaded and reaches the simulated Kubernetes API with its credential kind (reported)",
    needs: ['create'],
    skipReason: needsKubernetes,
  },
  {
    id: 'nodegroup-labels',
    title: 'nodegroups: role labels (hub.jupyter.org/node-purpose), role taints and config labels are listed',
    needs: ['nodegroups'],
    skipReason: ({ provider }) => lacks(provider.capabilities, 'nodeLabelsReachNodes'),
  },
  {
    id: 'node-labels',
    title:
      'nodes: every node of every nodegroup carries its role labels and taints (by the cloud, or by core where labels do not reach nodes)',
    needs: ['nodegroups'],
    skipReason: needsKubernetes,
  },
  {
    id: 'replan',
    title:
      're-plan is a no-op: nothing needs replacement, observed equals desired, a second create is idempotent',
    needs: ['nodegroups'],
  },
  {
    id: 'update',
    title: 'update: max+1 and a new label are applied in place and listed after settle',
    needs: ['nodegroups'],
  },
  {
    id: 'update-labels',
    title: 'update: the added label is listed',
    needs: ['update'],
    skipReason: ({ provider }) => lacks(provider.capabilities, 'nodeLabelsReachNodes'),
  },
  {
    id: 'provider-resources',
    title:
      'provider resources: created in dependency order, observed ready and unchanged, deleted in reverse order and gone',
    needs: ['nodegroups'],
    runtimeCondition: 'resources',
  },
  {
    id: 'volumes',
    title: "volumes: the hub's volume is listed by ownership with its hub tag and can be attached",
    needs: [],
  },
  {
    id: 'volume-snapshots',
    title: "volumes: the hub's volume can be snapshotted",
    needs: ['volumes'],
    skipReason: ({ provider }) => lacks(provider.capabilities, 'volumeSnapshots'),
  },
  {
    id: 'delete',
    title: 'delete: nodegroups then cluster are gone, the hub volume is retained, then deleted on request',
    needs: ['create', 'volumes'],
  },
  {
    id: 'idempotent-delete',
    title: 'delete again: deleting an absent nodegroup, cluster or volume resolves',
    needs: ['delete'],
  },
  {
    id: 'retries',
    title: 'retries: create → observe succeeds through 2 throttles and 1 server error',
    needs: ['delete'],
    runtimeCondition: 'faults',
  },
  {
    id: 'error-mapping',
    title: "error mapping: a quota error is a HubfleetError kind 'quota', not retryable, with a hint",
    needs: ['delete'],
    skipReason: ({ quotaFault }) =>
      quotaFault === undefined ? 'no quotaFault given to runProviderConformance' : undefined,
    runtimeCondition: 'faults',
  },
];
