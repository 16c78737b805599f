/** The nodegroups Magnum makes with every cluster (and will not delete): names hubfleet cannot take. */
const MAGNUM_DEFAULT_NODEGROUPS = new Set(['default-worker', 'default-master']);

/**
 * The Magnum nodegroup that holds the config's nodegroup `name`: the same name, but for Magnum's own
 * `default-worker` and `default-master`, whose names are taken (002 calls its user nodes
 * default-worker); those get `hubfleet-` in front. Magnum labels each node with it.
 */
export function magnumNodegroupName(name: string): string {
  return MAGNUM_DEFAULT_NODEGROUPS.has(name) ? `hubfleet-${name}` : name;
}
