import { describe, expect, it } from 'vitest';
import { rhodesConfig } from '../test/gke-fake-world.js';
import { gkeAddons, pdStorageClass } from './gke-addons.js';

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

describe('the static address on the ingress', () => {
  it("names the reserved address on ingress-nginx's Service, so the release renders the same before and after it exists", () => {
    const config = rhodesConfig('jupyter', 'rhodes-cs');
    const addon = gkeAddons(config).find((each) => each.name === 'gke-static-ip');
    expect(addon?.toolValues).toEqual({
      'ingress-nginx': {
        controller: {
          service: {
            loadBalancerClass: 'networking.gke.io/l4-regional-external',
            annotations: { 'networking.gke.io/load-balancer-ip-addresses': 'jupyter-ip' },
          },
        },
      },
    });
    const { staticIp: _none, ...provider } = config.provider;
    expect(gkeAddons({ ...config, provider }).map((each) => each.name)).toEqual(['gke-pd-storage-class']);
  });
});
