import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kubernetes/install/manifest-applier.js';
import type { ClusterAccess } from '../kubernetes/install/release-installer.js';
import { dnsRecord, formatDnsRecord, observeIngressLoadBalancer } from './ingress-dns.js';

/** A cluster whose only readable objects are `services` (what the ingress namespace lists). */
function clusterWith(services: KubeObject[]): ClusterAccess {
  return {
    kubeconfig: '',
    api: {} as ClusterAccess['api'],
    list: async (apiVersion, kind, options) =>
      apiVersion === 'v1' && kind === 'Service'
        ? services.filter((service) => service.metadata.namespace === options?.namespace)
        : [],
  };
}

function service(name: string, type: string, ingress?: { ip?: string; hostname?: string }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'ingress-nginx' },
    spec: { type },
    status: { loadBalancer: ingress === undefined ? {} : { ingress: [ingress] } },
  };
}

describe('the DNS record ingress.host needs', () => {
  it('is a CNAME for a host name, an A for IPv4, an AAAA for IPv6', () => {
    expect(formatDnsRecord(dnsRecord('hub.example.org', 'a1b2.elb.us-west-2.amazonaws.com'))).toBe(
      'hub.example.org CNAME a1b2.elb.us-west-2.amazonaws.com',
    );
    expect(dnsRecord('hub.example.org', '203.0.113.7')).toEqual({
      name: 'hub.example.org',
      type: 'A',
      value: '203.0.113.7',
    });
    expect(dnsRecord('hub.example.org', '2001:db8::7').type).toBe('AAAA');
  });
});

describe("the ingress controller's load balancer", () => {
  it('is pending without a cluster, naming why', async () => {
    expect(await observeIngressLoadBalancer(undefined)).toEqual({
      address: undefined,
      pending: 'the cluster is not up yet',
    });
  });

  it('is pending without a LoadBalancer Service (a ClusterIP controller, or none yet)', async () => {
    const found = await observeIngressLoadBalancer(
      clusterWith([service('ingress-nginx-controller', 'ClusterIP')]),
    );
    expect(found.address).toBeUndefined();
    expect(found).toMatchObject({
      pending: expect.stringContaining('no LoadBalancer Service in namespace ingress-nginx'),
    });
  });

  it('is pending, naming the Service, until the cloud gives it an address', async () => {
    expect(
      await observeIngressLoadBalancer(clusterWith([service('ingress-nginx-controller', 'LoadBalancer')])),
    ).toEqual({
      address: undefined,
      pending:
        'the cloud has not given Service ingress-nginx/ingress-nginx-controller its load balancer address yet',
    });
  });

  it("is the Service's IP or host name once it has one", async () => {
    const withIp = clusterWith([
      service('ingress-nginx-controller-admission', 'ClusterIP'),
      service('ingress-nginx-controller', 'LoadBalancer', { ip: '198.51.100.4' }),
    ]);
    expect(await observeIngressLoadBalancer(withIp)).toEqual({ address: '198.51.100.4' });
    const withName = clusterWith([
      service('ingress-nginx-controller', 'LoadBalancer', { hostname: 'lb.example' }),
    ]);
    expect(await observeIngressLoadBalancer(withName)).toEqual({ address: 'lb.example' });
  });
});
