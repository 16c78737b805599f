import { type HubRelease, hubRelease } from '../kubernetes/hubs/hub-release.js';
import type { HubSecret } from '../kubernetes/hubs/hub-secrets.js';
import { type Manifest, type ReleaseSpec, releaseId } from '../kubernetes/release.js';
import { type RenderedDeployment, renderDeployment } from '../kubernetes/render/render-deployment.js';
import { type ToolReleasePlan, toolReleases } from '../kubernetes/tools/tool-releases.js';
import type { DeploymentContext } from './deployment-context.js';

/** Everything the Kubernetes layer renders for the config, with the facts known at one moment. */
export interface DeploymentRender {
  deployment: RenderedDeployment;
  /** The tools' manifests with their place among the releases. */
  tools: ToolReleasePlan;
  /** Each hub's manifests and the secrets behind their placeholders, by hub name. */
  hubs: Map<string, HubRelease>;
  /** Objects the provider's add-ons ask for (e.g. a default StorageClass). */
  addonManifests: Manifest[];
  releaseById: Map<string, ReleaseSpec>;
  /** Every hub secret, for filling the auth Secrets. */
  hubSecrets: HubSecret[];
}

/** Renders, again only when a provisioned fact has changed since the last render. */
export type DeploymentRenderer = () => DeploymentRender;

/**
 * Renders the Kubernetes layer with the facts known now; the provider's `addons(facts)` are asked
 * again with them, so add-on values can use e.g. the Service range or the ingress address.
 */
export function createRenderer(context: DeploymentContext): DeploymentRenderer {
  let cached: { version: number; render: DeploymentRender } | undefined;
  return () => {
    const version = context.facts.version;
    if (cached?.version === version) return cached.render;
    const { config, provider } = context;
    const facts = context.facts.facts();
    const addons = context.session.addons(context.facts.providerFacts());
    const deployment = renderDeployment(config, provider, facts, addons);
    const hubs = new Map(config.hubs.map((hub) => [hub.name, hubRelease(config, hub, facts)]));
    const render: DeploymentRender = {
      deployment,
      tools: toolReleases(config, provider, addons, facts),
      hubs,
      addonManifests: addons.flatMap((addon) => (addon.manifests ?? []) as Manifest[]),
      releaseById: new Map(deployment.releases.map((release) => [releaseId(release), release])),
      hubSecrets: [...hubs.values()].flatMap((hub) => hub.secrets),
    };
    cached = { version, render };
    return render;
  };
}
