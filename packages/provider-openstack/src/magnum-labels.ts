import {
  type ComponentName,
  type HubfleetConfig,
  OwnershipTag,
  ownershipTags,
  type ToolDefaultV1,
  type ToolName,
} from '@hubfleet/core';
import { openstackToolDefaults } from './openstack-capabilities.js';
import type { OpenstackProviderSettings } from './openstack-config.js';

type Config = HubfleetConfig<OpenstackProviderSettings>;

/** Magnum's label that deploys its own cluster-autoscaler (heat driver `enable-auto-scaling.sh`). */
export const AUTO_SCALING_LABEL = 'auto_scaling_enabled';

/** Which cluster-autoscaler runs: Magnum's (its label) or hubfleet's (the Magnum cloud provider). Never both. */
export type MagnumAutoscaler = 'magnum' | 'hubfleet' | 'none';

/**
 * The one autoscaler of the cluster, from the labels it runs with: the template's merged with the
 * config's (`merge_labels`: the config's win). `auto_scaling_enabled: "true"` in the config runs
 * Magnum's own; so does the template's when the config sets no such label and does not turn
 * hubfleet's on itself (`tools.autoscaler.enabled: true`). Otherwise hubfleet's runs when
 * `tools.autoscaler` is on (the default), and the label is sent as "false" so the template cannot add
 * a second.
 */
export function magnumAutoscaler(
  config: Config,
  templateLabels: Readonly<Record<string, string>> = {},
): MagnumAutoscaler {
  const configured = config.provider.labels?.[AUTO_SCALING_LABEL];
  const explicit = config.tools.autoscaler?.enabled;
  if (configured === 'true') return 'magnum';
  if (configured === undefined && explicit !== true && templateLabels[AUTO_SCALING_LABEL] === 'true')
    return 'magnum';
  const hubfleet = explicit ?? openstackToolDefaults.autoscaler.enabled;
  return hubfleet ? 'hubfleet' : 'none';
}

/** How `plan` names the autoscaler that runs when the label is on. */
export const MAGNUM_AUTOSCALER_NAME = "Magnum's cluster-autoscaler (label auto_scaling_enabled)";

/**
 * `provider.toolDefault`: with Magnum's autoscaler on, hubfleet's is off unless the config says
 * otherwise (which validation refuses: one autoscaler, never two). Magnum's scales every nodegroup,
 * GPU included, within the min/max hubfleet sets on each Magnum nodegroup.
 */
export function openstackToolDefault(config: Config, tool: ToolName): ToolDefaultV1 | undefined {
  if (tool !== 'autoscaler' || config.provider.labels?.[AUTO_SCALING_LABEL] !== 'true') return undefined;
  return {
    enabled: false,
    reason: `${MAGNUM_AUTOSCALER_NAME} scales every nodegroup, GPU included, within its min/max; hubfleet's cluster-autoscaler is not installed (one autoscaler, never two)`,
  };
}

/** Magnum labels are plain strings: hubfleet's ownership rides in them as they are. */
export function ownershipLabels(
  deployment: string,
  component: ComponentName,
  extra: { nodeGroup?: string } = {},
): Record<string, string> {
  return ownershipTags(deployment, component, extra);
}

/** The labels a new cluster gets, merged into the template's (`merge_labels`). */
export function clusterLabels(
  config: Config,
  templateLabels: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const autoscaler = magnumAutoscaler(config, templateLabels);
  return {
    ...(autoscaler === 'hubfleet' ? { [AUTO_SCALING_LABEL]: 'false' } : {}),
    ...config.provider.labels,
    ...ownershipLabels(config.name, 'cluster'),
  };
}

/** True when Magnum labels say this is `deployment`'s resource of `component`. */
export function isOwnedBy(
  labels: Readonly<Record<string, string>> | undefined,
  deployment: string,
  component: ComponentName,
): boolean {
  return labels?.[OwnershipTag.deployment] === deployment && labels[OwnershipTag.component] === component;
}
