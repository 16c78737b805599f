import { HubfleetError } from '../../errors/index.js';
import { defaultHelmRunner } from '../helm/default-runner.js';
import { createHelm } from '../helm/helm-client.js';
import type { HelmRunner } from '../helm/helm-types.js';
import { releaseInstallOptions } from '../helm/release-install.js';
import type { Manifest, ReleaseSpec } from '../release.js';
import { inInstallOrder } from './install-order.js';
import { describeRef, type ManifestApplier, type ObjectRef, refOf } from './manifest-applier.js';
import {
  type ClusterAccess,
  observeRelease,
  type ReleaseInstaller,
  type ReleaseTarget,
  workloadReadiness,
} from './release-installer.js';
import { simulatedRecordSecret } from './release-records.js';
import {
  helmOwnership,
  releaseNamespace,
  representativeDeployment,
  standInDefinition,
  standInServices,
} from './simulated-objects.js';

export interface SimulatedInstallerOptions {
  /** Where the project's own charts are: `charts/nfs-server` resolves against it. */
  chartsDirectory: string;
  /** Runs `helm template`. @default the real helm binary */
  run?: HelmRunner;
  helmHome?: string;
}

/** Objects are applied as helm's, so hubfleet's own field manager never fights over them. */
const AS_HELM = { fieldManager: 'helm' };

function sameRef(left: ObjectRef, right: ObjectRef): boolean {
  return (
    left.apiVersion === right.apiVersion &&
    left.kind === right.kind &&
    left.name === right.name &&
    left.namespace === right.namespace
  );
}

async function placed(object: Manifest, namespace: string, api: ManifestApplier): Promise<Manifest> {
  const scoped = await api.namespaced(object.apiVersion, object.kind);
  if (scoped === undefined) {
    throw new HubfleetError({
      kind: 'internal',
      message: `the simulated cluster does not serve ${object.kind} (${object.apiVersion}), which a local chart renders`,
      hint: 'the Kubernetes fake needs this kind: add it to its built-in types',
      subject: describeRef(refOf(object)),
    });
  }
  const { namespace: _ignored, ...metadata } = object.metadata;
  return {
    ...object,
    metadata: scoped ? { ...metadata, namespace: object.metadata.namespace ?? namespace } : metadata,
  };
}

async function deleteRecords(target: ReleaseTarget, cluster: ClusterAccess, keep?: number): Promise<void> {
  const records = await cluster.api.list('v1', 'Secret', {
    namespace: target.namespace,
    labelSelector: `owner=helm,name=${target.release}`,
  });
  for (const record of records) {
    if (keep !== undefined && record.metadata.labels?.version === String(keep)) continue;
    await cluster.api.delete(refOf(record));
  }
}

/**
 * The installer of `--sim`. The project's own charts (`repository: local`) are rendered with the
 * real helm binary (`helm template`) and every object is server-side-applied to the simulated API
 * server. Upstream charts cannot be fetched offline: each is stood in for by one pause Deployment
 * labelled with the release (and the Services others read, see `standInServices`). Either way a helm-style release record is written last (see
 * `simulatedRecordSecret`), so `observe` reads back chart version and values hash and a second `up`
 * finds nothing to do; an install interrupted before the record is simply done again.
 */
export function simulatedInstaller(options: SimulatedInstallerOptions): ReleaseInstaller {
  const helm = createHelm({
    run: options.run ?? defaultHelmRunner(),
    ...(options.helmHome === undefined ? {} : { helmHome: options.helmHome }),
  });

  async function objectsOf(release: ReleaseSpec, api: ManifestApplier): Promise<Manifest[]> {
    if (release.repository !== 'local')
      return [representativeDeployment(release), ...standInServices(release)];
    const { chart } = releaseInstallOptions(release, {
      kubeconfig: '',
      chartsDirectory: options.chartsDirectory,
    });
    const rendered = await helm.template({
      chart,
      values: release.values,
      namespace: release.namespace,
      releaseName: release.release,
    });
    return Promise.all(rendered.map((object) => placed(object, release.namespace, api)));
  }

  return {
    kind: 'simulated',
    installWaits: false,
    observe: observeRelease,
    readiness: workloadReadiness,
    async install(release, cluster) {
      const { api } = cluster;
      const previous = await observeRelease(release, cluster);
      const revision = (previous?.revision ?? 0) + 1;
      await api.apply(releaseNamespace(release.namespace), AS_HELM);
      const objects = inInstallOrder(await objectsOf(release, api)).map((object) =>
        helmOwnership(object, release),
      );
      for (const object of objects) await api.apply(object, AS_HELM);
      const refs = objects.map(refOf);
      for (const stale of previous?.objects ?? []) {
        if (!refs.some((ref) => sameRef(ref, stale))) await api.delete(stale);
      }
      await api.apply(simulatedRecordSecret(release, revision, refs), AS_HELM);
      await deleteRecords(release, cluster, revision);
    },
    async uninstall(target, cluster) {
      const installed = await observeRelease(target, cluster);
      for (const ref of [...(installed?.objects ?? [])].reverse()) await cluster.api.delete(ref);
      await deleteRecords(target, cluster);
    },
    async standInKind(apiVersion, kind, cluster) {
      await cluster.api.apply(standInDefinition(apiVersion, kind), AS_HELM);
    },
  };
}
