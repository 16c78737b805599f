import type { FieldChange, ResourceDiff, ResourceLayer, ResourceNode } from '../engine/resource.js';
import { contentHash } from '../kubernetes/install/content-hash.js';
import type { ReleaseTarget } from '../kubernetes/install/release-installer.js';
import type { InstalledRelease } from '../kubernetes/install/release-records.js';
import type { ReleaseSpec } from '../kubernetes/release.js';
import type { DeploymentContext } from './deployment-context.js';
import { pinServiceIps } from './service-ips.js';
import { valuesChanges } from './values-diff.js';
import { waitUntil } from './wait-until.js';

const MINUTE = 60_000;

export type ReleaseNodeKind = 'tool' | 'storage-server' | 'hub';

export interface ReleaseNodeOptions {
  id: string;
  kind: ReleaseNodeKind;
  layer: ResourceLayer;
  target: ReleaseTarget;
  /** The release as the config wants it, rendered with the facts known now; absent when unwanted. */
  spec?: () => ReleaseSpec;
  dependsOn: string[];
}

const TYPICAL: Record<ReleaseNodeKind, number> = {
  tool: 2 * MINUTE,
  'storage-server': MINUTE,
  hub: 3 * MINUTE,
};

/**
 * Compare what is installed with the release the config asks for: the chart version (shown as
 * `chart: jupyterhub 4.3.0 → jupyterhub 4.4.0`) and the values, key by key.
 */
export function diffRelease(spec: ReleaseSpec, installed: InstalledRelease | undefined): ResourceDiff {
  if (installed === undefined) {
    return { action: 'create', reason: `install ${spec.chart} ${spec.version}`, changes: [] };
  }
  const changes: FieldChange[] = [];
  if (installed.chartVersion !== spec.version) {
    changes.push({
      field: 'chart',
      from: `${installed.chart} ${installed.chartVersion}`,
      to: `${spec.chart} ${spec.version}`,
    });
  }
  const wanted = contentHash(spec.values);
  const valuesChanged = installed.valuesHash !== wanted;
  if (valuesChanged) {
    // Key by key when the record kept the values; a record without them only has the hash to compare.
    changes.push(
      ...(installed.values === undefined
        ? [{ field: 'values', from: installed.valuesHash, to: wanted }]
        : valuesChanges(installed.values, spec.values)),
    );
  }
  if (changes.length > 0) {
    const what = [...(changes[0]?.field === 'chart' ? ['chart'] : []), ...(valuesChanged ? ['values'] : [])];
    return { action: 'update', reason: `${what.join(' and ')} changed`, changes };
  }
  if (installed.status !== 'deployed') {
    return {
      action: 'update',
      reason: `helm reports it ${installed.status}: install it again`,
      changes: [{ field: 'status', from: installed.status, to: 'deployed' }],
    };
  }
  return { action: 'noop', reason: `${spec.chart} ${spec.version} installed`, changes: [] };
}

/**
 * One helm release of the Kubernetes layer (a tool, a hub's NFS server, a hub). Observed through the
 * installer's release records (one list for every release of a plan); installed or upgraded when the
 * chart version or a hash of the values differs; the values themselves never hold secrets.
 */
export function releaseNode(
  context: DeploymentContext,
  options: ReleaseNodeOptions,
): ResourceNode<InstalledRelease> {
  const { installer } = context;
  const { target, spec } = options;
  const name = `${target.namespace}/${target.release}`;
  return {
    id: options.id,
    kind: options.kind,
    layer: options.layer,
    dependsOn: options.dependsOn,
    typicalDurationMs: TYPICAL[options.kind],
    waitingOn: `helm release ${name}`,
    async observe() {
      const access = await context.cluster.access();
      if (access === undefined) return undefined;
      const installed = await installer.observe(target, access);
      // A hub's NFS server has a fixed clusterIP: place it in the cluster's range, clear of live ones.
      if (options.kind === 'storage-server' && spec !== undefined) {
        await pinServiceIps(context, access, installed, spec);
      }
      return installed;
    },
    diff(observed): ResourceDiff {
      if (spec === undefined) return { action: 'delete', reason: 'no longer in the config', changes: [] };
      return diffRelease(spec(), observed);
    },
    async apply(action) {
      const access = await context.cluster.require(options.id);
      if (action === 'delete') return installer.uninstall(target, access);
      if (spec !== undefined) await installer.install(spec(), access);
    },
    async waitReady(action, step) {
      if (action === 'delete' || installer.installWaits) return;
      await waitUntil(
        async () => {
          const access = await context.cluster.require(options.id);
          const readiness = await installer.readiness(target, access);
          return {
            done: readiness.ready,
            ...(readiness.waitingFor === undefined ? {} : { waitingFor: readiness.waitingFor }),
          };
        },
        { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
      );
    },
  };
}
