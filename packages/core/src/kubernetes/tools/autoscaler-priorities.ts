import type { HubfleetConfig } from '../../config/deployment.js';
import type { MachineCatalogV1 } from '../../provider/v1/catalog.js';

/** Priority of nodegroups whose machine type has no price in the catalog: below every priced one. */
export const UNPRICED_PRIORITY = 10;
/** Priority of the catch-all `.*`, so a group whose cloud name matches nothing is still considered. */
export const FALLBACK_PRIORITY = 1;
const STEP = 10;

/** One nodegroup's place in the priority expander, for the values and for `plan` to show. */
export interface NodeGroupPriority {
  nodeGroup: string;
  instanceType: string;
  hourlyPrice: number | undefined;
  priority: number;
  /** Regular expression matched against the cloud's name for the group (`<deployment>-<nodegroup>`). */
  pattern: string;
}

/**
 * Matches the cloud's scaling group for `<deployment>-<nodegroup>` (an EKS ASG is
 * `eks-<deployment>-<nodegroup>-<uuid>`). Names are DNS labels, so nothing needs escaping. A name
 * that is another's prefix plus `-…` (`gpu`, `gpu-large`) also matches the longer one's groups;
 * the expander then picks at random between them when both fit.
 */
export function nodeGroupPattern(deployment: string, nodeGroup: string): string {
  return `.*${deployment}-${nodeGroup}.*`;
}

/**
 * Priorities so the cheapest sufficient nodegroup scales up first (seeds/000 step 02: "more
 * expensive machines having smaller priority values"): the priority expander takes, among the
 * groups that can fit the pending pods, the one with the highest priority. Cheaper per hour →
 * higher priority; equal prices share one; groups with no catalog price come after every priced one.
 */
export function nodeGroupPriorities(
  config: Pick<HubfleetConfig, 'name' | 'cluster'>,
  catalog: Pick<MachineCatalogV1, 'machines'>,
): NodeGroupPriority[] {
  const priceOf = (instanceType: string) =>
    catalog.machines.find((machine) => machine.name === instanceType)?.hourlyPrice;
  const prices = [
    ...new Set(
      config.cluster.nodeGroups
        .map((group) => priceOf(group.instanceType))
        .filter((price): price is number => price !== undefined),
    ),
  ].sort((left, right) => right - left);
  return config.cluster.nodeGroups.map((group) => {
    const hourlyPrice = priceOf(group.instanceType);
    const rank = hourlyPrice === undefined ? -1 : prices.indexOf(hourlyPrice);
    return {
      nodeGroup: group.name,
      instanceType: group.instanceType,
      hourlyPrice,
      priority: hourlyPrice === undefined ? UNPRICED_PRIORITY : UNPRICED_PRIORITY + STEP * (rank + 1),
      pattern: nodeGroupPattern(config.name, group.name),
    };
  });
}

/** The chart's `expanderPriorities`: priority → patterns, plus the catch-all at the bottom. */
export function expanderPriorities(priorities: readonly NodeGroupPriority[]): Record<string, string[]> {
  const byPriority: Record<string, string[]> = { [FALLBACK_PRIORITY]: ['.*'] };
  for (const entry of priorities) {
    byPriority[entry.priority] = [...(byPriority[entry.priority] ?? []), entry.pattern];
  }
  return byPriority;
}
