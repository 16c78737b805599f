import {
  type CallLog,
  createCallLog,
  createFaultInjector,
  createManualClock,
  DEFAULT_KEYSTONE_IDENTITY,
  type FaultInjector,
  type RunningKeystoneFake,
  startKeystoneFake,
} from '@hubfleet/testkit';
import type { OpenStackCredentials } from '../src/auth/credentials.js';
import type { OpenStackError } from '../src/errors/openstack-error.js';
import type { HttpSettings } from '../src/http/http-transport.js';
import { createOpenStackSession, type OpenStackSessionOptions } from '../src/session/openstack-session.js';

/** A Keystone fake on a hand-moved clock, with faults and a call log the other fakes share. */
export interface FakeWorld {
  clock: ReturnType<typeof createManualClock>;
  faults: FaultInjector;
  callLog: CallLog;
  keystone: RunningKeystoneFake;
  /** Retries without waiting: a test never sleeps. */
  http: HttpSettings;
  /** What every fake's start function takes: this world's clock, faults, call log and Keystone's token check. */
  common: {
    clock: FakeWorld['clock'];
    faults: FaultInjector;
    callLog: CallLog;
    validToken: (token: string) => boolean;
  };
  /** Registers a fake in Keystone's catalog and closes it with the world. */
  serve<Fake extends { url: string; close(): Promise<void> }>(
    fake: Fake,
    type: string,
    name: string,
    path?: string,
  ): Fake;
  close(): Promise<void>;
}

export async function startFakeWorld(): Promise<FakeWorld> {
  const clock = createManualClock(Date.parse('2026-12-02T06:00:00Z'));
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const keystone = await startKeystoneFake({ clock, faults, callLog });
  const closers: Array<() => Promise<void>> = [() => keystone.close()];
  return {
    clock,
    faults,
    callLog,
    keystone,
    http: { sleep: async () => {}, random: () => 0.5, now: clock.now },
    common: { clock, faults, callLog, validToken: keystone.fake.validToken },
    serve(fake, type, name, path = '') {
      keystone.fake.registerService({ type, name, url: `${fake.url}${path}` });
      closers.push(() => fake.close());
      return fake;
    },
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}

export function passwordCredentials(authUrl: string): OpenStackCredentials {
  const { user, project, domain } = DEFAULT_KEYSTONE_IDENTITY;
  return {
    auth: {
      type: 'password',
      authUrl: `${authUrl}/v3`,
      username: user.name,
      userDomainName: domain.name,
      password: user.password,
      projectName: project.name,
      projectDomainName: domain.name,
    },
    regionName: 'RegionOne',
    source: 'test',
  };
}

export function sessionFor(world: FakeWorld, extra: Partial<OpenStackSessionOptions> = {}) {
  return createOpenStackSession({
    credentials: passwordCredentials(world.keystone.url),
    http: world.http,
    ...extra,
  });
}

/** The error a call fails with (undefined when it succeeds), for asserting on kind, status and hint. */
export function failure(promise: Promise<unknown>): Promise<OpenStackError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => error as OpenStackError,
  );
}
