import type { HubfleetConfig } from '../../config/deployment.js';
import type { ProviderV1, ToolName } from '../../provider/v1/provider.js';
import type { AddonSpecV1 } from '../../provider/v1/session.js';
import type { ProvisionedFacts } from '../provisioned.js';
import type { Manifest } from '../release.js';

/** Whether a tool is installed on this deployment, and why, in words `plan` can print. */
export interface ToolDecision {
  enabled: boolean;
  reason: string;
}

/**
 * A Kubernetes object a tool needs besides its chart, and where it goes in the order: after the
 * releases whose CRDs or webhooks it needs, before the releases whose values point at it.
 */
export interface ToolManifest {
  manifest: Manifest;
  /** Tool names whose releases must be ready first (a ClusterIssuer needs cert-manager). */
  after: readonly string[];
  /** Tool names whose releases need this object first (a Secret named in `existingSecret`). */
  before: readonly string[];
}

/**
 * One cluster tool: an upstream chart at a pinned version, and the rules that decide whether it is
 * installed and with which values. One file per tool; `TOOL_CATALOG` lists them in install order.
 */
export interface ClusterTool {
  /** Release name; also the key under which provider add-ons give values (`AddonSpecV1.toolValues`). */
  name: string;
  /** The `tools.<key>` section this tool answers to; absent for tools that follow `ingress:`. */
  configKey?: ToolName;
  chart: string;
  repository: string;
  /** Pinned chart version: never floating. */
  version: string;
  namespace: string;
  /** Tool names whose releases must be ready first. */
  after?: readonly string[];
  enabled(config: HubfleetConfig, provider: ProviderV1): ToolDecision;
  /** Chart values before provider add-ons are merged in. Never a secret value. */
  values(
    config: HubfleetConfig,
    provider: ProviderV1,
    addons: readonly AddonSpecV1[],
    facts: ProvisionedFacts,
  ): Record<string, unknown>;
  manifests?(
    config: HubfleetConfig,
    provider: ProviderV1,
    addons: readonly AddonSpecV1[],
    facts: ProvisionedFacts,
  ): ToolManifest[];
}
