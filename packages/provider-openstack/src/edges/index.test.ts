import { describe, expect, it } from 'vitest';
import { stfcConfig } from '../../test/edge-world.js';
import { type MagnumEdgeDeps, magnumEdgeResources } from './index.js';

function deps(config = stfcConfig()): MagnumEdgeDeps {
  const unused = async () => {
    throw new Error('no cloud call while listing resources');
  };
  return { network: unused, loadBalancer: unused, cluster: unused, config };
}

describe('magnumEdgeResources', () => {
  it("gives STFC's deployment all four steps, each placed by anchors", () => {
    const placed = magnumEdgeResources(deps()).map((resource) => ({
      id: `${resource.kind}/${resource.name}`,
      dependsOn: resource.dependsOn,
      requiredBy: resource.requiredBy,
    }));
    expect(placed).toEqual([
      { id: 'daemonset/csi-cinder-nodeplugin', dependsOn: ['cluster'], requiredBy: ['nodegroups'] },
      {
        id: 'octavia/load-balancers',
        dependsOn: ['cluster', 'nodegroups'],
        requiredBy: ['tool:ingress-nginx', 'hubs'],
      },
      { id: 'floating-ip/ingress', dependsOn: ['cluster'], requiredBy: ['hubs'] },
      { id: 'acme/letsencrypt', dependsOn: ['resource:ingress'], requiredBy: ['tool:cert-manager'] },
    ]);
  });

  it("leaves out the floating IP without provider.floatingIp and the gate without Let's Encrypt", () => {
    const ids = magnumEdgeResources(
      deps(stfcConfig({ provider: { floatingIp: undefined }, tls: 'none' })),
    ).map((resource) => `${resource.kind}/${resource.name}`);
    expect(ids).toEqual(['daemonset/csi-cinder-nodeplugin', 'octavia/load-balancers']);
  });
});
