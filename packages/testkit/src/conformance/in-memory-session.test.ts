import { HubfleetError } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { createCallLog } from '../framework/call-log.js';
import { createManualClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import { createInMemorySession, inMemoryConformanceConfig } from './index.js';

const MINUTE = 60_000;

function start(name = 'demo') {
  const config = inMemoryConformanceConfig(name);
  const clock = createManualClock();
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const session = createInMemorySession({ config, clock, faults, callLog });
  return { config, clock, faults, callLog, session };
}

async function rejection(work: Promise<unknown>): Promise<HubfleetError> {
  const error = await work.then(
    () => undefined,
    (problem: unknown) => problem,
  );
  if (!HubfleetError.is(error)) throw new Error(`expected a HubfleetError, got ${String(error)}`);
  return error;
}

describe('the in-memory session', () => {
  it('takes modelled time: a cluster is creating until its clock passes 12 minutes', async () => {
    const { session, clock } = start();
    await session.cluster.create();
    clock.advance(11 * MINUTE);
    expect((await session.cluster.observe())?.status).toBe('creating');
    clock.advance(1 * MINUTE);
    expect((await session.cluster.observe())?.status).toBe('active');
  });

  it('maps a missing cluster to not-found and a busy one to conflict', async () => {
    const { session, config, clock } = start();
    const core = config.cluster.nodeGroups[0]!;
    expect((await rejection(session.nodeGroups.create(core))).kind).toBe('not-found');
    await session.cluster.create();
    expect((await rejection(session.nodeGroups.create(core))).kind).toBe('conflict');
    clock.advance(12 * MINUTE);
    await session.nodeGroups.create(core);
    const refused = await rejection(session.cluster.delete());
    expect(refused).toMatchObject({ kind: 'conflict', retryable: false });
    expect(refused.message).toContain('still has nodegroups: core');
  });

  it("refuses a cluster of the same name that another deployment owns, and never lists another's volumes", async () => {
    const first = start('shared');
    await first.session.cluster.create();
    await first.session.volumes.create(first.config.hubs[0]!);
    const other = createInMemorySession({
      config: inMemoryConformanceConfig('shared'),
      state: first.session.state,
    });
    first.session.state.clusters.shared!.tags['hubfleet.io/deployment'] = 'someone-else';
    expect((await rejection(other.cluster.create())).kind).toBe('conflict');
    const stranger = createInMemorySession({
      config: inMemoryConformanceConfig('stranger'),
      state: first.session.state,
    });
    expect(await stranger.volumes.list()).toEqual([]);
  });

  it('surfaces injected faults mapped and logs every call with its status', async () => {
    const { session, faults, callLog } = start();
    faults.script({ operation: 'memory.CreateCluster', fault: 'throttle', times: 1 });
    faults.script({ operation: 'memory.CreateCluster', fault: 'quota', times: 1 });
    expect(await rejection(session.cluster.create())).toMatchObject({ kind: 'throttled', retryable: true });
    const quota = await rejection(session.cluster.create());
    expect(quota).toMatchObject({ kind: 'quota', retryable: false });
    expect(quota.hint).toBeTruthy();
    await session.cluster.create();
    expect(callLog.calls.map(({ operation, status }) => `${operation} ${status}`)).toEqual([
      'CreateCluster 429',
      'CreateCluster 400',
      'CreateCluster 200',
    ]);
  });

  it('applies a nodegroup update when it finishes, not when it is accepted', async () => {
    const { session, config, clock } = start();
    await session.cluster.create();
    clock.advance(12 * MINUTE);
    const users = config.cluster.nodeGroups[1]!;
    await session.nodeGroups.create(users);
    clock.advance(4 * MINUTE);
    const [observed] = await session.nodeGroups.list();
    await session.nodeGroups.update({ ...users, max: 9 }, observed!);
    expect((await session.nodeGroups.list())[0]).toMatchObject({ status: 'updating', max: 4 });
    expect((await rejection(session.nodeGroups.update({ ...users, max: 10 }, observed!))).kind).toBe(
      'conflict',
    );
    clock.advance(1 * MINUTE);
    expect((await session.nodeGroups.list())[0]).toMatchObject({ status: 'active', max: 9 });
  });
});
