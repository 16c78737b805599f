import { type RunningMagnumFake, type StartMagnumFakeOptions, startMagnumFake } from '@hubfleet/testkit';
import type { ServiceClient } from '../src/session/service-client.js';
import { type FakeWorld, sessionFor } from './fake-world.js';

/** A Magnum fake behind the world's Keystone, with one public Kubernetes template. */
export async function startMagnum(
  world: FakeWorld,
  options: Partial<StartMagnumFakeOptions> = {},
): Promise<{ magnum: RunningMagnumFake; templateId: string }> {
  const magnum = world.serve(
    await startMagnumFake({ ...world.common, ...options }),
    'container-infra',
    'magnum',
    '/v1',
  );
  const template = magnum.fake.addClusterTemplate({
    name: 'kubernetes-1.29',
    coe: 'kubernetes',
    image_id: 'fedora-coreos-38',
    flavor_id: 'l3.nano',
    master_flavor_id: 'l3.nano',
    public: true,
    labels: { kube_tag: 'v1.29.2', auto_scaling_enabled: 'true' },
  });
  return { magnum, templateId: template.uuid };
}

export async function magnumClient(
  world: FakeWorld,
  caps: Record<string, string> = {},
): Promise<ServiceClient> {
  return sessionFor(world, { microversionCaps: caps }).service('container-infra');
}

export const MINUTE = 60_000;
