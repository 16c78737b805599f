import {
  type CinderFakeOptions,
  createCallLog,
  createFaultInjector,
  createManualClock,
  DEFAULT_KEYSTONE_IDENTITY,
  type RunningCinderFake,
  startCinderFake,
  startKeystoneFake,
} from '@hubfleet/testkit';
import { cinderVolumes } from '../src/cinder-volumes.js';
import { type OpenstackDeployment, openstackDeployment } from '../src/openstack-deployment.js';
import { keystoneSession } from './keystone-session.js';
import { stfcConfig } from './stfc-config.js';

export interface CinderWorld {
  clock: ReturnType<typeof createManualClock>;
  faults: ReturnType<typeof createFaultInjector>;
  cinder: RunningCinderFake;
  deployment: OpenstackDeployment;
  volumes: ReturnType<typeof cinderVolumes>;
  close(): Promise<void>;
}

/**
 * Keystone and Cinder fakes on a clock that moves only when a test says, and the provider's volume
 * API on a session to them: for what happens while a volume is busy (a backup being made).
 */
export async function startCinderWorld(
  name: string,
  options: Pick<CinderFakeOptions, 'quotas' | 'backupService'> & { cinderMicroversion?: string } = {},
): Promise<CinderWorld> {
  const clock = createManualClock(Date.parse('2026-12-02T06:00:00Z'));
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const keystone = await startKeystoneFake({ clock, faults, callLog });
  const cinder = await startCinderFake({
    clock,
    faults,
    callLog,
    validToken: keystone.fake.validToken,
    projectId: DEFAULT_KEYSTONE_IDENTITY.project.id,
    ...(options.quotas === undefined ? {} : { quotas: options.quotas }),
    ...(options.backupService === undefined ? {} : { backupService: options.backupService }),
  });
  keystone.fake.registerService({
    type: 'block-storage',
    name: 'cinderv3',
    url: `${cinder.url}/v3/$(project_id)s`,
  });
  const session = keystoneSession(
    keystone.url,
    clock.now,
    options.cinderMicroversion === undefined
      ? {}
      : { microversionCaps: { 'block-storage': options.cinderMicroversion } },
  );
  const deployment = openstackDeployment(stfcConfig(name), session, { simulated: false, pollIntervalMs: 1 });
  return {
    clock,
    faults,
    cinder,
    deployment,
    volumes: cinderVolumes(deployment),
    close: async () => {
      await cinder.close();
      await keystone.close();
    },
  };
}
