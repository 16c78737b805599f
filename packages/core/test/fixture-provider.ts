import { z } from 'zod';
import { createProviderRegistry, type ProviderV1 } from '../src/index.js';

/** A provider that exists only for core's tests: core may not import the real ones. */
export const fixtureProvider: ProviderV1<{ kind: 'fixture'; region: string }> = {
  specificationVersion: 'v1',
  id: 'fixture',
  displayName: 'Fixture Cloud',
  configSchema: z.strictObject({
    kind: z.literal('fixture'),
    region: z.string().min(1).describe('Where the fixture lives.'),
  }),
  capabilities: {
    scaleToZero: true,
    nodeLabelsReachNodes: true,
    managedAutoscaler: false,
    gpuDriver: 'device-plugin',
    volumeSnapshots: false,
    loadBalancer: true,
  },
  catalog: {
    exhaustive: true,
    priceSource: 'made up for tests',
    priceDate: '2026-11-21',
    currency: 'USD',
    machines: [
      { name: 'small', cpu: 2, memoryGiB: 4, hourlyPrice: 0.05 },
      { name: 'large', cpu: 8, memoryGiB: 32, hourlyPrice: 0.4 },
      { name: 'gpu-large', cpu: 8, memoryGiB: 32, gpu: { count: 1, model: 'T4' }, hourlyPrice: 0.9 },
    ],
  },
  toolDefaults: {
    autoscaler: { enabled: true, reason: 'fixture default' },
    registryCache: { enabled: false, reason: 'fixture default' },
    gpuDriver: { enabled: true, reason: 'fixture default' },
    monitoring: { enabled: true, reason: 'fixture default' },
    backups: { enabled: false, reason: 'fixture default' },
  },
};

export const registry = createProviderRegistry([fixtureProvider as unknown as ProviderV1]);

export const VALID = `apiVersion: hubfleet/v1
name: demo
provider:
  kind: fixture
  region: here
cluster:
  nodeGroups:
    - { name: core, role: core, instanceType: small, min: 1, max: 2 }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
ingress:
  host: hub.example.edu
  tls: { mode: letsencrypt, email: ops@example.edu }
hubs:
  - name: course
    auth: { type: native, admins: [admin] }
`;
