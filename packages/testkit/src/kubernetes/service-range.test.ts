import { ApiException, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallLog, createFaultInjector, createManualClock } from '../framework/index.js';
import { type RunningKubernetesFake, serviceRange, startKubernetesFake } from './index.js';

const running: RunningKubernetesFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function clusterWithRange(serviceCidr?: string) {
  const fake = await startKubernetesFake({
    clock: createManualClock(),
    faults: createFaultInjector(),
    callLog: createCallLog(),
    ...(serviceCidr === undefined ? {} : { serviceCidr }),
  });
  running.push(fake);
  const kc = new KubeConfig();
  kc.loadFromString(await fake.kubeconfig({ kind: 'token', token: 't' }));
  return kc.makeApiClient(CoreV1Api);
}

const nfsService = (clusterIP?: string) => ({
  metadata: { name: 'nfs' },
  spec: { ...(clusterIP === undefined ? {} : { clusterIP }), ports: [{ port: 2049 }] },
});

// EKS's default, Magnum's default, kubeadm's default, and a GKE cluster's own /20.
const RANGES: [string, string, string, string][] = [
  ['10.100.0.0/16', '10.100.0.1', '10.100.200.10', '10.96.0.10'],
  ['10.254.0.0/16', '10.254.0.1', '10.254.3.7', '10.100.0.10'],
  ['10.96.0.0/12', '10.96.0.1', '10.111.255.254', '10.112.0.1'],
  ['34.118.224.0/20', '34.118.224.1', '34.118.239.10', '34.118.240.10'],
];

describe('the Kubernetes fake allocates ClusterIPs from its Service range', () => {
  it.each(RANGES)(
    '%s: the kubernetes Service holds %s, allocations stay inside, a fixed IP outside is refused',
    async (cidr, first, inside, outside) => {
      const core = await clusterWithRange(cidr);
      const range = serviceRange(cidr);
      expect(
        (await core.readNamespacedService({ name: 'kubernetes', namespace: 'default' })).spec?.clusterIP,
      ).toBe(first);
      const allocated = await core.createNamespacedService({
        namespace: 'default',
        body: { ...nfsService(), metadata: { name: 'hub' } },
      });
      expect(range.contains(allocated.spec?.clusterIP ?? '')).toBe(true);
      expect(
        (await core.createNamespacedService({ namespace: 'default', body: nfsService(inside) })).spec
          ?.clusterIP,
      ).toBe(inside);

      const refused = await core
        .createNamespacedService({
          namespace: 'default',
          body: { ...nfsService(outside), metadata: { name: 'nfs-2' } },
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(ApiException);
      expect((refused as ApiException<string>).code).toBe(422);
      expect(JSON.parse((refused as ApiException<string>).body)).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Invalid',
        code: 422,
        message: `Service "nfs-2" is invalid: spec.clusterIPs: Invalid value: ["${outside}"]: failed to allocate IP ${outside}: the provided IP (${outside}) is not in the valid range. The range of valid IPs is ${cidr}`,
        details: {
          name: 'nfs-2',
          kind: 'Service',
          causes: [{ reason: 'FieldValueInvalid', field: 'spec.clusterIPs' }],
        },
      });
    },
  );

  it("defaults to EKS's 10.100.0.0/16 and rejects a range that is not one", async () => {
    const core = await clusterWithRange();
    expect(
      (await core.readNamespacedService({ name: 'kubernetes', namespace: 'default' })).spec?.clusterIP,
    ).toBe('10.100.0.1');
    expect(() => serviceRange('10.96.0.1/12')).toThrow(/host bits/);
    expect(() => serviceRange('fd00::/108')).toThrow(/IPv4/);
    expect(serviceRange('10.96.0.0/12').contains('10.111.255.255')).toBe(false);
  });
});
