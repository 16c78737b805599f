import { HubfleetError } from '../../errors/index.js';
import type { Manifest } from '../release.js';
import type { KubeCall } from './kube-client.js';
import { createResourceCatalog, type ResourceInfo } from './kube-resources.js';

/** The field manager every server-side apply of hubfleet's is made as. */
export const FIELD_MANAGER = 'hubfleet';

/** A live object as the API returns it. */
export type KubeObject = Manifest;

/** Which object: enough to find it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A Node taint, as the API holds it. */
export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** What core sets on a Node when the cloud cannot (labels and taints of a nodegroup). */
export interface NodeChange {
  labels?: Readonly<Record<string, string | null>>;
  /** Replaces the Node's taints; read them first to keep the ones others set. */
  taints?: readonly NodeTaint[];
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
}

/**
 * Reads and writes Kubernetes objects the way `kubectl apply --server-side` does, over plain HTTP:
 * apply is a server-side-apply PATCH as field manager `hubfleet` (forcing ownership, because the
 * config is the source of truth), so it creates or updates in one idempotent request.
 */
export interface ManifestApplier {
  /** Create or update. `fieldManager` defaults to `hubfleet`; the simulated installer applies as `helm`. */
  apply(manifest: Manifest, options?: { fieldManager?: string }): Promise<KubeObject>;
  /** The live object, or undefined when it does not exist (or its kind is not served). */
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  /** Every object of a kind, in one namespace or all; empty when the kind is not served. */
  list(apiVersion: string, kind: string, options?: ListOptions): Promise<KubeObject[]>;
  /**
   * A JSON merge patch (RFC 7386) of a live object: maps merge key by key (`null` removes one),
   * lists are replaced whole. Undefined when the object does not exist.
   */
  patch(ref: ObjectRef, patch: Record<string, unknown>): Promise<KubeObject | undefined>;
  /** Labels (a `null` value removes one) and, when given, the whole taint list of one Node. */
  patchNode(name: string, change: NodeChange): Promise<KubeObject | undefined>;
  /** Delete (dependents in the background); false when it was already gone. */
  delete(ref: ObjectRef): Promise<boolean>;
  /** Whether the server serves this kind now (a CRD's kinds appear once it is installed). */
  serves(apiVersion: string, kind: string): Promise<boolean>;
  /** Whether objects of this kind live in a namespace; undefined when the kind is not served. */
  namespaced(apiVersion: string, kind: string): Promise<boolean | undefined>;
}

/** `Secret monitoring/grafana-admin`, `StorageClass gp3`: how messages name an object. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
}

export function refOf(manifest: Manifest): ObjectRef {
  const { apiVersion, kind, metadata } = manifest;
  return {
    apiVersion,
    kind,
    name: metadata.name,
    ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }),
  };
}

function notServed(ref: ObjectRef): HubfleetError {
  return new HubfleetError({
    kind: 'not-found',
    // Retryable: the CRD that defines it may have been installed a moment ago.
    retryable: true,
    message: `the cluster does not serve ${ref.kind} (${ref.apiVersion}), so ${describeRef(ref)} cannot be applied`,
    hint: 'the chart that defines this kind must be installed first; if it is, wait a moment and run the command again',
    subject: describeRef(ref),
  });
}

interface ListBody {
  items?: KubeObject[];
  metadata?: { continue?: string };
}

export function createManifestApplier(call: KubeCall): ManifestApplier {
  const catalog = createResourceCatalog(call);

  async function objectPath(ref: ObjectRef): Promise<{ info: ResourceInfo; path: string } | undefined> {
    const info = await catalog.find(ref.apiVersion, ref.kind);
    if (info === undefined) return undefined;
    const namespace = info.namespaced ? ref.namespace : undefined;
    const path = `${catalog.collectionPath(info, namespace)}/${encodeURIComponent(ref.name)}`;
    return { info, path };
  }

  async function mergePatch(ref: ObjectRef, patch: Record<string, unknown>): Promise<KubeObject | undefined> {
    const found = await objectPath(ref);
    if (found === undefined) return undefined;
    const response = await call(
      { method: 'PATCH', path: found.path, body: patch, contentType: 'application/merge-patch+json' },
      describeRef(ref),
    );
    return response.status === 404 ? undefined : (response.body as KubeObject);
  }

  return {
    async apply(manifest, options = {}) {
      const ref = refOf(manifest);
      const found = await objectPath(ref);
      if (found === undefined) throw notServed(ref);
      const response = await call(
        {
          method: 'PATCH',
          path: found.path,
          query: { fieldManager: options.fieldManager ?? FIELD_MANAGER, force: 'true' },
          body: manifest,
          contentType: 'application/apply-patch+yaml',
        },
        describeRef(ref),
      );
      if (response.status === 404) {
        throw new HubfleetError({
          kind: 'not-found',
          retryable: true,
          message: `${describeRef(ref)} could not be applied: ${(response.body as { message?: string } | undefined)?.message ?? 'not found'}`,
          hint: 'its namespace may still be being created or deleted; run the command again',
          subject: describeRef(ref),
        });
      }
      return response.body as KubeObject;
    },
    async get(ref) {
      const found = await objectPath(ref);
      if (found === undefined) return undefined;
      const response = await call({ method: 'GET', path: found.path }, describeRef(ref));
      return response.status === 404 ? undefined : (response.body as KubeObject);
    },
    async list(apiVersion, kind, options = {}) {
      const info = await catalog.find(apiVersion, kind);
      if (info === undefined) return [];
      const path = info.namespaced
        ? options.namespace === undefined
          ? `${catalog.collectionPath({ ...info, namespaced: false })}`
          : catalog.collectionPath(info, options.namespace)
        : catalog.collectionPath(info);
      const items: KubeObject[] = [];
      let token: string | undefined;
      do {
        const query: Record<string, string> = { limit: '500' };
        if (options.labelSelector !== undefined) query.labelSelector = options.labelSelector;
        if (token !== undefined) query.continue = token;
        const response = await call({ method: 'GET', path, query }, `${kind} list`);
        if (response.status === 404) return [];
        const body = response.body as ListBody | undefined;
        items.push(...(body?.items ?? []).map((item) => ({ ...item, apiVersion, kind })));
        token = body?.metadata?.continue || undefined;
      } while (token !== undefined);
      return items;
    },
    patch: mergePatch,
    async patchNode(name, change) {
      const patch: Record<string, unknown> = {};
      if (change.labels !== undefined) patch.metadata = { labels: change.labels };
      if (change.taints !== undefined) patch.spec = { taints: change.taints };
      return mergePatch({ apiVersion: 'v1', kind: 'Node', name }, patch);
    },
    async delete(ref) {
      const found = await objectPath(ref);
      if (found === undefined) return false;
      const response = await call(
        { method: 'DELETE', path: found.path, query: { propagationPolicy: 'Background' } },
        describeRef(ref),
      );
      return response.status !== 404;
    },
    async serves(apiVersion, kind) {
      return (await catalog.find(apiVersion, kind)) !== undefined;
    },
    async namespaced(apiVersion, kind) {
      return (await catalog.find(apiVersion, kind))?.namespaced;
    },
  };
}
