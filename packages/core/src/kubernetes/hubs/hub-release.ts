import type { HubfleetConfig } from '../../config/deployment.js';
import type { HubConfig } from '../../config/hub.js';
import { PLACEHOLDERS_NAMESPACE, PLACEHOLDERS_RELEASE } from '../placeholders/index.js';
import type { ProvisionedFacts } from '../provisioned.js';
import { type Manifest, type ReleaseSpec, releaseId } from '../release.js';
import { nfsServerReleaseName } from '../storage/index.js';
import { authValues } from './auth-values.js';
import { Z2JH_CHART } from './chart.js';
import { cullingValues } from './culling-values.js';
import { deepMerge, mergeAll, overriddenPaths, type Values } from './deep-merge.js';
import { gitPullerValues } from './git-puller-values.js';
import { hubPodValues } from './hub-pod-values.js';
import { type HubSecret, hubSecretManifest, secretEnvValues } from './hub-secrets.js';
import { hubPublicUrl, hubUrlScheme, ingressValues } from './ingress-values.js';
import { profileImagePullValues, profileListValues } from './profile-values.js';
import { singleUserValues } from './resources-values.js';
import { schedulingValues } from './scheduling-values.js';
import { storageValues } from './storage-values.js';
import { sudoValues } from './sudo-values.js';
import { checkZ2jhValues } from './z2jh-values-schema.js';

export interface HubReleaseOptions {
  /**
   * Registry host (and optional path) of the pull-through cache for Docker Hub images, when
   * `tools.registryCache` is on, e.g. `localhost:5000`. Images from other registries are not touched.
   */
  imageRegistryPrefix?: string;
  /**
   * Further releases that must be ready first, as `namespace/release` (ingress-nginx, cert-manager);
   * the user scheduler's and the hub's NFS server's are always added.
   */
  dependsOn?: readonly string[];
}

export interface HubRelease {
  /** The zero-to-jupyterhub release: namespace = release name = hub name. */
  release: ReleaseSpec;
  /** Objects applied before the release: the hub's auth Secret, with placeholders for its values. */
  manifests: Manifest[];
  /** The secrets behind the placeholders: `up` resolves each `ref` into `stringData[key]` of its Secret. */
  secrets: HubSecret[];
  /** What the operator should know (sudo on, open sign-up, overridden values...), one sentence each. */
  warnings: string[];
}

/**
 * What a hub needs installed first: the placeholders release, whose user PriorityClass and scheduler
 * every user pod names (a pod naming a missing PriorityClass is refused), and for shared-nfs hubs the
 * NFS server holding the homes' claim.
 */
function hubDependencies(hub: HubConfig, extra: readonly string[]): string[] {
  const placeholders = releaseId({ namespace: PLACEHOLDERS_NAMESPACE, release: PLACEHOLDERS_RELEASE });
  const nfs =
    hub.storage.home === 'shared-nfs'
      ? [releaseId({ namespace: hub.name, release: nfsServerReleaseName(hub.name) })]
      : [];
  return [...new Set([placeholders, ...nfs, ...extra])];
}

/** Everything hubfleet sets for a hub, before the hub's `extraValues`. */
function generatedValues(
  config: HubfleetConfig,
  hub: HubConfig,
  registryPrefix: string | undefined,
): { values: Values; secrets: HubSecret[]; warnings: string[] } {
  const auth = authValues({ hub, publicUrl: hubPublicUrl(config, hub), scheme: hubUrlScheme(config) });
  const sudo = sudoValues(hub);
  const values = mergeAll([
    ingressValues(config, hub),
    hubPodValues(),
    schedulingValues(config),
    singleUserValues(hub, registryPrefix),
    profileListValues(config, hub, registryPrefix),
    profileImagePullValues(config, hub, registryPrefix),
    storageValues(hub),
    cullingValues(hub),
    gitPullerValues(hub),
    sudo.values,
    auth.values,
    auth.secrets.length > 0 ? { hub: { extraEnv: secretEnvValues(auth.secrets) } } : {},
  ]);
  return { values, secrets: auth.secrets, warnings: [...auth.warnings, ...sudo.warnings] };
}

function extraValuesWarnings(hub: HubConfig, generated: Values, values: Values): string[] {
  const overridden = overriddenPaths(generated, hub.extraValues);
  const warnings =
    overridden.length > 0
      ? [`hub ${hub.name}: extraValues replaces values hubfleet sets: ${overridden.join(', ')}`]
      : [];
  const problems = checkZ2jhValues(values);
  if (problems.length > 0) {
    warnings.push(
      `hub ${hub.name}: the values do not fit the zero-to-jupyterhub chart: ${problems.join('; ')}`,
    );
  }
  return warnings;
}

/**
 * The Helm release of one hub: zero-to-jupyterhub in the hub's namespace, served at
 * `https://<host>/<hub>/` behind ingress-nginx, with its auth, profiles, storage, culling and
 * placement from the config, and the hub's `extraValues` merged last. Pure and offline: secret values
 * never enter the values or the manifests (see `HubRelease.secrets`).
 *
 * `_facts` is accepted for the Kubernetes layer's uniform signature; a hub's values need no provisioned
 * fact (its NFS claim has a fixed name, and the NFS server release carries the volume).
 */
export function hubRelease(
  config: HubfleetConfig,
  hub: HubConfig,
  _facts: ProvisionedFacts,
  options: HubReleaseOptions = {},
): HubRelease {
  const generated = generatedValues(config, hub, options.imageRegistryPrefix);
  const values = deepMerge(generated.values, hub.extraValues);
  const secretManifest = hubSecretManifest(config, hub, generated.secrets);
  return {
    release: {
      release: hub.name,
      namespace: hub.name,
      ...Z2JH_CHART,
      values,
      dependsOn: hubDependencies(hub, options.dependsOn ?? []),
      reason: `hub ${hub.displayName ?? hub.name}: JupyterHub at ${hubPublicUrl(config, hub)}`,
    },
    manifests: secretManifest ? [secretManifest] : [],
    secrets: generated.secrets,
    warnings: [...generated.warnings, ...extraValuesWarnings(hub, generated.values, values)],
  };
}
