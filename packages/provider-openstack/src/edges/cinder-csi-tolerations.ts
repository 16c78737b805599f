import { HubfleetError, type KubernetesAccessV1, type ProviderResourceV1 } from '@hubfleet/core';

/** Where Magnum deploys the Cinder CSI node plugin (label `cinder_csi_enabled`, on by default since Victoria). */
export const CINDER_CSI_NODE_PLUGIN = { namespace: 'kube-system', name: 'csi-cinder-nodeplugin' } as const;

const REF = { apiVersion: 'apps/v1', kind: 'DaemonSet', ...CINDER_CSI_NODE_PLUGIN };
const TOLERATE_ALL = { operator: 'Exists' };

/** The node plugin as observed: whether its pods tolerate every taint, and on how many nodes it runs. */
export interface ObservedCsiNodePlugin {
  toleratesAll: boolean;
  desired: number;
  ready: number;
}

function podTolerations(daemonSet: Record<string, unknown>): unknown[] {
  const spec = daemonSet.spec as { template?: { spec?: { tolerations?: unknown[] } } } | undefined;
  return spec?.template?.spec?.tolerations ?? [];
}

/** `{operator: Exists}` with no key and no effect: tolerates every taint (the upstream fix seed 002 applies by hand). */
function toleratesAll(tolerations: unknown[]): boolean {
  return tolerations.some((item) => {
    const toleration = item as { key?: string; operator?: string; effect?: string };
    return toleration.operator === 'Exists' && !toleration.key && !toleration.effect;
  });
}

async function read(kubernetes: KubernetesAccessV1): Promise<Record<string, unknown> | undefined> {
  return (await kubernetes.get(REF)) as Record<string, unknown> | undefined;
}

/**
 * `daemonset/csi-cinder-nodeplugin`: Magnum's Cinder CSI node plugin does not tolerate tainted nodes
 * (the GPU nodegroup), so their pods cannot mount Cinder volumes (seed 002: "annotation
 * csi.volume.kubernetes.io/nodeid is missing"). hubfleet server-side-applies `tolerations:
 * [{operator: Exists}]` to the DaemonSet (the list is atomic, so hubfleet owns it), after the cluster
 * and before any nodegroup, and checks it again on every `up`. `down` gives the field back (applies
 * nothing), so the step is gone before the cluster.
 */
export function cinderCsiTolerations(): ProviderResourceV1<ObservedCsiNodePlugin> {
  return {
    name: CINDER_CSI_NODE_PLUGIN.name,
    kind: 'daemonset',
    layer: 'cluster-addons',
    waitingOn: `Kubernetes (DaemonSet ${CINDER_CSI_NODE_PLUGIN.namespace}/${CINDER_CSI_NODE_PLUGIN.name})`,
    typicalDurationMs: 5_000,
    dependsOn: ['cluster'],
    requiredBy: ['nodegroups'],
    async observe(context) {
      const kubernetes = await context.kubernetes();
      const daemonSet = kubernetes === undefined ? undefined : await read(kubernetes);
      if (daemonSet === undefined || !toleratesAll(podTolerations(daemonSet))) return undefined;
      const status = daemonSet.status as
        | { desiredNumberScheduled?: number; numberReady?: number }
        | undefined;
      return {
        toleratesAll: true,
        desired: status?.desiredNumberScheduled ?? 0,
        ready: status?.numberReady ?? 0,
      };
    },
    diff(observed) {
      if (observed === undefined) {
        return {
          action: 'create',
          reason:
            'the Cinder CSI node plugin does not tolerate tainted nodes (GPU nodes could not mount volumes)',
          changes: [{ field: 'spec.template.spec.tolerations', to: 'operator: Exists' }],
        };
      }
      return { action: 'noop', reason: `tolerates every taint; runs on ${observed.desired} nodes` };
    },
    async apply(action, context) {
      const kubernetes = await context.kubernetes();
      if (kubernetes === undefined) {
        if (action === 'delete') return;
        throw new HubfleetError({
          kind: 'unavailable',
          message:
            'the cluster has no reachable Kubernetes API yet, so the Cinder CSI node plugin cannot be patched',
          hint: 'wait until the Magnum cluster is CREATE_COMPLETE, then run `hubfleet up` again',
          subject: `daemonset/${CINDER_CSI_NODE_PLUGIN.name}`,
        });
      }
      if ((await read(kubernetes)) === undefined) {
        if (action === 'delete') return;
        throw new HubfleetError({
          kind: 'unavailable',
          message: `DaemonSet ${CINDER_CSI_NODE_PLUGIN.namespace}/${CINDER_CSI_NODE_PLUGIN.name} does not exist: Magnum did not deploy the Cinder CSI driver`,
          hint: 'hub volumes need it: use a cluster template with the label cinder_csi_enabled=true (or wait, if the cluster was just created)',
          subject: `daemonset/${CINDER_CSI_NODE_PLUGIN.name}`,
        });
      }
      // Server-side apply: with the field, hubfleet owns the (atomic) list; without it, gives it back.
      const tolerations =
        action === 'delete' ? {} : { spec: { template: { spec: { tolerations: [TOLERATE_ALL] } } } };
      await kubernetes.apply({
        apiVersion: REF.apiVersion,
        kind: REF.kind,
        metadata: { name: REF.name, namespace: REF.namespace },
        ...tolerations,
      });
    },
  };
}
