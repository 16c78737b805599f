import { describe, expect, it } from 'vitest';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

describe('ingress-nginx', () => {
  it('is the default IngressClass behind a cloud load balancer, tuned for notebooks', () => {
    const { config, provider } = loadConfig(configText());
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'ingress-nginx', 'controller.ingressClassResource')).toEqual({
      name: 'nginx',
      enabled: true,
      default: true,
    });
    expect(valueAt(plan, 'ingress-nginx', 'controller.service')).toEqual({ type: 'LoadBalancer' });
    expect(valueAt(plan, 'ingress-nginx', 'controller.config')).toMatchObject({
      'proxy-read-timeout': '3600',
    });
  });

  it('listens on host ports of the tools nodes where the cloud has no load balancer', () => {
    const { config, provider } = loadConfig(
      configText({
        provider: '{ kind: nectar, cloud: nectar }',
        nodeGroups: `    - { name: core, role: core, instanceType: m3.medium, min: 1, max: 1 }
    - { name: users, role: users, instanceType: m3.xlarge, min: 1, max: 4 }`,
      }),
    );
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'ingress-nginx', 'controller')).toMatchObject({
      kind: 'DaemonSet',
      hostPort: { enabled: true, ports: { http: 80, https: 443 } },
      service: { type: 'ClusterIP' },
      nodeSelector: { 'hubfleet.io/nodegroup': 'core' },
    });
  });

  it('takes a reserved address from the provider add-on (GKE static IP)', () => {
    const { config, provider } = loadConfig(
      configText({
        provider: '{ kind: gke, project: rhodes-cs, location: us-central1-a }',
        nodeGroups: `    - { name: core, role: core, instanceType: e2-standard-2, min: 1, max: 2 }
    - { name: users, role: users, instanceType: n1-standard-8, min: 0, max: 10 }`,
      }),
    );
    const plan = toolReleases(config, provider, [
      {
        name: 'static-ip',
        reason: 'provider.staticIp',
        toolValues: { 'ingress-nginx': { controller: { service: { loadBalancerIP: '34.1.2.3' } } } },
      },
    ]);
    expect(valueAt(plan, 'ingress-nginx', 'controller.service')).toEqual({
      type: 'LoadBalancer',
      loadBalancerIP: '34.1.2.3',
    });
  });
});
