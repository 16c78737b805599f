import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { AddonSpecV1 } from '../../provider/v1/session.js';
import { NO_PROVISIONED_FACTS, type ProvisionedFacts } from '../provisioned.js';
import { type Manifest, type ReleaseSpec, releaseId } from '../release.js';
import type { ClusterTool, ToolDecision } from './cluster-tool.js';
import { managedMetadata } from './manifest-metadata.js';
import { mergeValues } from './merge-values.js';
import { TOOL_CATALOG } from './tool-catalog.js';

/** Whether one catalog tool is installed here, and why. */
export interface ToolReleaseChoice {
  /** The tool's release name, e.g. `cluster-autoscaler`. */
  tool: string;
  enabled: boolean;
  reason: string;
}

/** A manifest and its place among the releases, by release id (`namespace/release`). */
export interface ManifestStep {
  manifest: Manifest;
  /** Releases that must be ready before it is applied. */
  after: string[];
  /** Releases that must wait until it is applied. */
  before: string[];
}

export interface ToolReleasePlan {
  /** Enabled tools' releases, in install order; `dependsOn` holds what must be ready first. */
  releases: ReleaseSpec[];
  /** Objects applied without helm, in apply order (namespaces first). */
  manifests: Manifest[];
  /** The same manifests with their ordering against the releases, for the engine's graph. */
  manifestSteps: ManifestStep[];
  /** Every catalog tool, enabled or not, with the reason: what `plan` prints. */
  choices: ToolReleaseChoice[];
}

/** Values from every provider add-on for this tool, in add-on order. */
function addonValues(tool: ClusterTool, addons: readonly AddonSpecV1[]): Record<string, unknown>[] {
  return addons.flatMap((addon) => {
    const values = addon.toolValues?.[tool.name];
    return values === undefined ? [] : [values];
  });
}

function namespaceManifest(name: string): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: managedMetadata({ name }) };
}

/** Namespaces of manifests that go before a release: helm's --create-namespace would come too late. */
function namespaceSteps(steps: readonly ManifestStep[]): ManifestStep[] {
  const byNamespace = new Map<string, Set<string>>();
  for (const step of steps) {
    const namespace = step.manifest.metadata.namespace;
    if (namespace === undefined || step.after.length > 0) continue;
    const before = byNamespace.get(namespace) ?? new Set<string>();
    for (const id of step.before) before.add(id);
    byNamespace.set(namespace, before);
  }
  return [...byNamespace].map(([namespace, before]) => ({
    manifest: namespaceManifest(namespace),
    after: [],
    before: [...before],
  }));
}

/** A tool the cloud runs its own equivalent of (`AddonSpecV1.replacesTool`), unless the config asks for it. */
function replacedByAddon(
  tool: ClusterTool,
  config: HubfleetConfig,
  addons: readonly AddonSpecV1[],
): ToolDecision | undefined {
  if (tool.configKey === undefined || config.tools[tool.configKey]?.enabled !== undefined) return undefined;
  const replacement = addons.find((addon) => addon.replacesTool === tool.configKey);
  return replacement === undefined ? undefined : { enabled: false, reason: replacement.reason };
}

/**
 * The cluster tools for this deployment as Helm releases (pinned charts, values with provider
 * add-ons merged last) and the objects they need, in dependency order, with the choice and reason
 * for every tool. Pure: `render` calls it offline with no add-ons and no provisioned facts.
 */
export function toolReleases(
  config: HubfleetConfig,
  provider: ProviderV1,
  addons: readonly AddonSpecV1[] = [],
  facts: ProvisionedFacts = NO_PROVISIONED_FACTS,
): ToolReleasePlan {
  const decided = TOOL_CATALOG.map((tool) => ({
    tool,
    decision: replacedByAddon(tool, config, addons) ?? tool.enabled(config, provider),
  }));
  const enabled = decided.filter((entry) => entry.decision.enabled);
  const idOf = new Map(
    enabled.map(({ tool }) => [tool.name, releaseId({ namespace: tool.namespace, release: tool.name })]),
  );
  const ids = (names: readonly string[]) => names.flatMap((name) => idOf.get(name) ?? []);

  const releases = enabled.map(({ tool, decision }) => ({
    release: tool.name,
    namespace: tool.namespace,
    chart: tool.chart,
    repository: tool.repository,
    version: tool.version,
    values: mergeValues(tool.values(config, provider, addons, facts), ...addonValues(tool, addons)),
    dependsOn: ids(tool.after ?? []),
    reason: decision.reason,
  }));
  const toolSteps = enabled.flatMap(({ tool }) =>
    (tool.manifests?.(config, provider, addons, facts) ?? []).map((entry) => ({
      manifest: entry.manifest,
      after: ids(entry.after),
      before: ids(entry.before),
    })),
  );
  const manifestSteps = [...namespaceSteps(toolSteps), ...toolSteps];
  return {
    releases,
    manifests: manifestSteps.map((step) => step.manifest),
    manifestSteps,
    choices: decided.map(({ tool, decision }) => ({ tool: tool.name, ...decision })),
  };
}
