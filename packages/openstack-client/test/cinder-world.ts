import { type RunningCinderFake, type StartCinderFakeOptions, startCinderFake } from '@hubfleet/testkit';
import type { ServiceClient } from '../src/session/service-client.js';
import { type FakeWorld, sessionFor } from './fake-world.js';

/** A Cinder fake behind the world's Keystone, listed as `volumev3` with the project in its URL. */
export async function startCinder(
  world: FakeWorld,
  options: Partial<StartCinderFakeOptions> = {},
): Promise<RunningCinderFake> {
  return world.serve(
    await startCinderFake({ ...world.common, ...options }),
    'volumev3',
    'cinderv3',
    '/v3/$(project_id)s',
  );
}

export function cinderClient(world: FakeWorld, caps: Record<string, string> = {}): Promise<ServiceClient> {
  return sessionFor(world, { microversionCaps: caps }).service('block-storage');
}

export const SECOND = 1_000;
