import type { ResourceDiff, ResourceLayer, ResourceNode } from '../engine/resource.js';
import { contentHash } from '../kubernetes/install/content-hash.js';
import { describeRef } from '../kubernetes/install/manifest-applier.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import type { Manifest } from '../kubernetes/release.js';
import { MANAGED_BY_LABELS } from '../kubernetes/tools/tool-names.js';
import { OwnershipTag } from '../provider/v1/ownership.js';
import type { DeploymentContext } from './deployment-context.js';
import { waitUntil } from './wait-until.js';

/** What was applied, as a hash of the object (secret values included, so a rotated secret is applied again). */
export const APPLIED_HASH_ANNOTATION = 'hubfleet.io/applied-hash';

/** Namespaces hubfleet never deletes, whatever a config says. */
const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

const MANAGED_SELECTOR = Object.entries(MANAGED_BY_LABELS)
  .map(([key, value]) => `${key}=${value}`)
  .join(',');

export interface ManifestNodeOptions {
  id: string;
  layer: ResourceLayer;
  /** The object as the config wants it, secrets filled in; absent when unwanted. */
  manifest?: () => Manifest;
  /** Which object, for observing and deleting. */
  ref: { apiVersion: string; kind: string; name: string; namespace?: string };
  dependsOn: string[];
  /** A namespace the object needs that no other step makes (helm would make it for a release). */
  ensureNamespace?: string;
}

/** The object as applied: hubfleet's labels, and the hash of everything else as an annotation. */
export function appliedManifest(manifest: Manifest, deployment: string): Manifest {
  const metadata = {
    ...manifest.metadata,
    labels: {
      ...(manifest.metadata.labels ?? {}),
      ...MANAGED_BY_LABELS,
      [OwnershipTag.deployment]: deployment,
    },
  };
  const hash = contentHash({ ...manifest, metadata });
  return {
    ...manifest,
    metadata: {
      ...metadata,
      annotations: { ...(manifest.metadata.annotations ?? {}), [APPLIED_HASH_ANNOTATION]: hash },
    },
  };
}

async function ensureKind(
  context: DeploymentContext,
  access: ClusterAccess,
  manifest: Manifest,
): Promise<void> {
  if (await access.api.serves(manifest.apiVersion, manifest.kind)) return;
  await context.installer.standInKind?.(manifest.apiVersion, manifest.kind, access);
}

/**
 * One object applied without helm (a namespace, a Secret with resolved values, a ClusterIssuer, a
 * StorageClass): server-side applied as field manager `hubfleet`, found again by hubfleet's label
 * (one list per kind for the whole plan), and changed only when the hash of what would be applied
 * differs from the hash it was applied with.
 */
export function manifestNode(
  context: DeploymentContext,
  options: ManifestNodeOptions,
): ResourceNode<{ hash: string | undefined }> {
  const { ref } = options;
  const secret = ref.kind === 'Secret';
  const prepared = () =>
    options.manifest === undefined ? undefined : appliedManifest(options.manifest(), context.config.name);
  const fresh = async (access: ClusterAccess) => access.api.get(ref);
  return {
    id: options.id,
    kind: 'manifest',
    layer: options.layer,
    dependsOn: options.dependsOn,
    typicalDurationMs: 1_000,
    waitingOn: `the Kubernetes API (${describeRef(ref)})`,
    async observe() {
      const access = await context.cluster.access();
      if (access === undefined) return undefined;
      const listed = await access.list(ref.apiVersion, ref.kind, { labelSelector: MANAGED_SELECTOR });
      const live = listed.find(
        (object) => object.metadata.name === ref.name && object.metadata.namespace === ref.namespace,
      );
      return live === undefined ? undefined : { hash: live.metadata.annotations?.[APPLIED_HASH_ANNOTATION] };
    },
    diff(observed): ResourceDiff {
      const wanted = prepared();
      if (wanted === undefined) return { action: 'delete', reason: 'no longer in the config', changes: [] };
      if (observed === undefined) return { action: 'create', reason: 'does not exist', changes: [] };
      const hash = wanted.metadata.annotations?.[APPLIED_HASH_ANNOTATION];
      if (observed.hash === hash) return { action: 'noop', reason: 'matches the config', changes: [] };
      return {
        action: 'update',
        reason: secret ? 'its content changed (values not shown)' : 'its content changed',
        changes: [
          {
            field: 'content',
            ...(observed.hash === undefined ? {} : { from: observed.hash }),
            ...(hash === undefined ? {} : { to: hash }),
            secret,
          },
        ],
      };
    },
    async apply(action) {
      const access = await context.cluster.require(options.id);
      if (action === 'delete') {
        if (ref.kind === 'Namespace' && SYSTEM_NAMESPACES.has(ref.name)) return;
        await access.api.delete(ref);
        return;
      }
      const wanted = prepared();
      if (wanted === undefined) return;
      if (options.ensureNamespace !== undefined) {
        await access.api.apply(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: options.ensureNamespace } },
          { fieldManager: 'hubfleet-namespaces' },
        );
      }
      await ensureKind(context, access, wanted);
      await access.api.apply(wanted);
    },
    async waitReady(action, step) {
      if (action !== 'delete') return;
      await waitUntil(
        async () => {
          const access = await context.cluster.access();
          return { done: access === undefined || (await fresh(access)) === undefined };
        },
        { signal: step.signal, intervalMs: context.pollIntervalMs, sleep: context.sleep },
      );
    },
  };
}
