import { describe, expect, it } from 'vitest';
import { rhodesConfig } from '../test/gke-fake-world.js';
import { pdStorageClass } from './gke-addons.js';

describe('the PD StorageClass', () => {
  it('retains disks unless every hub deletes its data, and labels them as the deployment', () => {
    const config = rhodesConfig('jupyter', 'rhodes-cs');
    expect(pdStorageClass(config)).toMatchObject({
      provisioner: 'pd.csi.storage.gke.io',
      reclaimPolicy: 'Retain',
      parameters: { type: 'pd-balanced', labels: 'hubfleet-deployment=jupyter,hubfleet-component=volume' },
    });
    const deleting = {
      ...config,
      hubs: config.hubs.map((hub) => ({ ...hub, storage: { ...hub.storage, onDelete: 'delete' as const } })),
    };
    expect(pdStorageClass(deleting).reclaimPolicy).toBe('Delete');
  });
});
