import type { ProviderV1, ToolName } from '../provider/v1/provider.js';
import type { HubfleetConfig } from './deployment.js';

export interface ToolChoice {
  tool: ToolName;
  enabled: boolean;
  reason: string;
}

const TOOL_NAMES: readonly ToolName[] = ['autoscaler', 'registryCache', 'gpuDriver', 'monitoring', 'backups'];

function choose(config: HubfleetConfig, provider: ProviderV1, tool: ToolName): ToolChoice {
  const explicit = config.tools[tool]?.enabled;
  if (tool === 'autoscaler' && provider.capabilities.managedAutoscaler) {
    return { tool, enabled: false, reason: `${provider.displayName} scales nodegroups itself` };
  }
  if (tool === 'gpuDriver') {
    const hasGpu = config.cluster.nodeGroups.some((group) => group.role === 'gpu');
    if (explicit === undefined && !hasGpu) return { tool, enabled: false, reason: 'no gpu nodegroup' };
  }
  if (tool === 'backups' && explicit === undefined && config.tools.backups?.bucket === undefined) {
    return { tool, enabled: false, reason: 'no backups.bucket given' };
  }
  if (explicit !== undefined) return { tool, enabled: explicit, reason: 'set in the config' };
  const fallback = provider.toolDefault?.(config, tool) ?? provider.toolDefaults[tool];
  return { tool, enabled: fallback.enabled, reason: fallback.reason };
}

/** What each tool resolves to on this provider, and why; `plan` and `validate --show-defaults` print these. */
export function resolveToolChoices(config: HubfleetConfig, provider: ProviderV1): ToolChoice[] {
  return TOOL_NAMES.map((tool) => choose(config, provider, tool));
}

/** The config with every tool's `enabled` filled in: the one place provider-dependent defaults are applied. */
export function applyToolDefaults<C extends HubfleetConfig>(config: C, provider: ProviderV1): C {
  const tools: Record<string, unknown> = { ...config.tools };
  for (const choice of resolveToolChoices(config, provider)) {
    tools[choice.tool] = { ...(config.tools[choice.tool] ?? {}), enabled: choice.enabled };
  }
  return { ...config, tools: tools as C['tools'] };
}
