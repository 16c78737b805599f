import type { HubConfig } from '../../config/hub.js';
import type { ResourceDataV1 } from './resources.js';

/**
 * The `onDelete` of what a deployment keeps besides its hubs' volumes (velero's backups, the static
 * address DNS points at), from the config: `delete` only when every hub's `storage.onDelete` is
 * `delete` (the operator asked for all data to go), else `retain`, saying which hubs keep theirs.
 * The resource is then deleted only by `down --delete-data` (`ProviderResourceV1.holdsData`).
 */
export function dataOnDelete(config: {
  hubs: readonly Pick<HubConfig, 'name' | 'storage'>[];
}): Pick<ResourceDataV1, 'onDelete' | 'keptBecause'> {
  const keeping = config.hubs.filter((hub) => hub.storage.onDelete !== 'delete');
  if (keeping.length === 0) return { onDelete: 'delete' };
  const hubs = keeping.map((hub) => `${hub.name} (${hub.storage.onDelete})`).join(', ');
  return {
    onDelete: 'retain',
    keptBecause: `not every hub has storage.onDelete: delete (${keeping.length === 1 ? 'hub' : 'hubs'} ${hubs})`,
  };
}
