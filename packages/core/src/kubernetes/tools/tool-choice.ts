import type { HubfleetConfig } from '../../config/deployment.js';
import { resolveToolChoices } from '../../config/tool-defaults.js';
import type { ProviderV1, ToolName } from '../../provider/v1/provider.js';
import type { ToolDecision } from './cluster-tool.js';

/** The config's (or the provider's default) choice for `tools.<tool>`, with its reason. */
export function configChoice(config: HubfleetConfig, provider: ProviderV1, tool: ToolName): ToolDecision {
  const choice = resolveToolChoices(config, provider).find((candidate) => candidate.tool === tool);
  if (choice === undefined) return { enabled: false, reason: `hubfleet has no choice for tools.${tool}` };
  return { enabled: choice.enabled, reason: choice.reason };
}
