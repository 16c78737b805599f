import {
  type ClusterApiV1,
  HubfleetError,
  type NodeGroupApiV1,
  type NodeGroupConfig,
  type ObservedNodeGroupV1,
  type ProviderResourceV1,
  type ProviderSessionV1,
  type VolumeApiV1,
} from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { createCallLog } from '../framework/call-log.js';
import { createManualClock } from '../framework/clock.js';
import { createFaultInjector } from '../framework/faults.js';
import {
  type ConformanceContext,
  checkCreateCluster,
  checkCreateNodeGroups,
  checkCreateVolume,
  checkDeleteIsIdempotent,
  checkDeleteNodeGroupsAndCluster,
  checkNodeGroupLabels,
  checkOwnershipTags,
  checkProviderResources,
  checkQuotaErrorMapping,
  checkReplanIsNoop,
  checkRetainsVolumesOnClusterDelete,
  checkRetriesTransientFaults,
  checkSecondCreateIsIdempotent,
  checkServiceRange,
  checkUpdateNodeGroup,
  checkVolumeAttachment,
  conformanceContext,
  createInMemorySession,
  type InMemorySession,
  inMemoryConformanceConfig,
  inMemoryProvider,
  inMemoryProviderResources,
  isConfiguredMinor,
  nodeGroupDrift,
} from './index.js';

const HOUR = 3_600_000;
const QUOTA = { operation: 'memory.CreateCluster' };

/** A mistake a provider could make, as a change to a correct session. */
type Flaw = (session: InMemorySession) => ProviderSessionV1;

interface Overrides {
  cluster?: Partial<ClusterApiV1>;
  nodeGroups?: Partial<NodeGroupApiV1>;
  volumes?: Partial<VolumeApiV1>;
}

function withOverrides(session: ProviderSessionV1, overrides: Overrides): ProviderSessionV1 {
  return {
    ...session,
    cluster: { ...session.cluster, ...overrides.cluster },
    nodeGroups: { ...session.nodeGroups, ...overrides.nodeGroups },
    volumes: { ...session.volumes, ...overrides.volumes },
  };
}

/** A fresh in-memory cloud, optionally with a flaw, as the checks see it; waits give up after 5 rounds. */
function contextFor(flaw?: Flaw): ConformanceContext {
  const config = inMemoryConformanceConfig('negative');
  const clock = createManualClock();
  const faults = createFaultInjector();
  const callLog = createCallLog();
  const session = createInMemorySession({ config, clock, faults, callLog });
  return conformanceContext(
    {
      session: flaw === undefined ? session : flaw(session),
      faults,
      callLog,
      settle: async () => clock.advance(HOUR),
      teardown: async () => {},
    },
    { config, provider: inMemoryProvider(), poll: { attempts: 5 } },
  );
}

/** Runs `scenario` on a correct session (it must pass) and on the flawed one (it must fail with `message`). */
async function expectCaught(
  flaw: Flaw,
  scenario: (context: ConformanceContext) => Promise<void>,
  message: RegExp,
) {
  await expect(scenario(contextFor()), 'the scenario on a correct session').resolves.toBeUndefined();
  await expect(scenario(contextFor(flaw)), 'the scenario on the flawed session').rejects.toThrow(message);
}

async function upWithVolume(context: ConformanceContext) {
  await checkCreateCluster(context);
  await checkCreateNodeGroups(context);
  return checkCreateVolume(context);
}

const forgetsVolumeTags: Flaw = (session) =>
  withOverrides(session, {
    volumes: {
      list: async () => (await session.volumes.list()).map((volume) => ({ ...volume, tags: {} })),
    },
  });

const forgetsClusterTags: Flaw = (session) =>
  withOverrides(session, {
    cluster: {
      observe: async () => {
        const cluster = await session.cluster.observe();
        return cluster === undefined ? undefined : { ...cluster, tags: {} };
      },
    },
  });

const deletesVolumesWithCluster: Flaw = (session) =>
  withOverrides(session, {
    cluster: {
      delete: async () => {
        await session.cluster.delete();
        for (const volume of await session.volumes.list()) await session.volumes.delete(volume);
      },
    },
  });

function rethrowQuota(change: (error: HubfleetError) => HubfleetError): Flaw {
  return (session) =>
    withOverrides(session, {
      cluster: {
        create: async () => {
          try {
            await session.cluster.create();
          } catch (error) {
            throw HubfleetError.is(error) && error.kind === 'quota' ? change(error) : error;
          }
        },
      },
    });
}

const quotaAsRetryable = rethrowQuota(
  (error) => new HubfleetError({ kind: 'quota', message: error.message, hint: error.hint, retryable: true }),
);
const quotaWithoutHint = rethrowQuota(
  (error) => new HubfleetError({ kind: 'quota', message: error.message }),
);
const quotaAsUnavailable = rethrowQuota(
  (error) => new HubfleetError({ kind: 'unavailable', message: error.message, hint: 'try again' }),
);

const transientFaultsUnmapped: Flaw = (session) => {
  const unmapped = async <Result>(work: () => Promise<Result>): Promise<Result> => {
    try {
      return await work();
    } catch (error) {
      throw HubfleetError.is(error) && error.retryable
        ? new Error(`ThrottlingException: ${error.message}`)
        : error;
    }
  };
  return withOverrides(session, {
    cluster: { create: () => unmapped(() => session.cluster.create()) },
  });
};

const createRefusesExisting: Flaw = (session) =>
  withOverrides(session, {
    cluster: {
      create: async () => {
        if ((await session.cluster.observe()) !== undefined) {
          throw new HubfleetError({ kind: 'conflict', message: 'Cluster already exists.' });
        }
        await session.cluster.create();
      },
    },
  });

const deleteOfAbsentThrows: Flaw = (session) =>
  withOverrides(session, {
    nodeGroups: {
      delete: async (name) => {
        if (!(await session.nodeGroups.list()).some((group) => group.name === name)) {
          throw new HubfleetError({ kind: 'not-found', message: `No node group found for name: ${name}.` });
        }
        await session.nodeGroups.delete(name);
      },
    },
  });

const ignoresUpdates: Flaw = (session) => withOverrides(session, { nodeGroups: { update: async () => [] } });

const alwaysReplaces: Flaw = (session) =>
  withOverrides(session, { nodeGroups: { requiresReplacement: () => true } });

function rewriteListedNodeGroups(change: (group: ObservedNodeGroupV1) => ObservedNodeGroupV1): Flaw {
  return (session) =>
    withOverrides(session, {
      nodeGroups: { list: async () => (await session.nodeGroups.list()).map(change) },
    });
}

const dropsLabels = rewriteListedNodeGroups((group) => ({ ...group, labels: {}, taints: [] }));
const reportsWrongMax = rewriteListedNodeGroups((group) => ({ ...group, max: group.max + 5 }));

const attachesNothing: Flaw = (session) => withOverrides(session, { volumes: { attachment: () => ({}) } });

describe('the conformance checks catch real mistakes', () => {
  it('a provider that forgets the ownership tags of its volumes', async () => {
    await expectCaught(
      forgetsVolumeTags,
      async (context) => {
        await checkCreateCluster(context);
        await context.session.volumes.create(context.config.hubs[0]!);
        await checkOwnershipTags(context);
      },
      /ownership tags/,
    );
  });

  it('a provider that forgets the ownership tags of its cluster', async () => {
    await expectCaught(
      forgetsClusterTags,
      (context) => checkCreateCluster(context).then(() => {}),
      /ownership tags/,
    );
  });

  it('a provider that deletes data volumes with the cluster', async () => {
    await expectCaught(
      deletesVolumesWithCluster,
      async (context) => checkRetainsVolumesOnClusterDelete(context, await upWithVolume(context)),
      /data volumes are retained/,
    );
  });

  it('a provider that maps a quota error to a retryable one', async () => {
    await expectCaught(
      quotaAsRetryable,
      (context) => checkQuotaErrorMapping(context, QUOTA),
      /not retryable/,
    );
  });

  it('a provider whose quota error has no hint', async () => {
    await expectCaught(quotaWithoutHint, (context) => checkQuotaErrorMapping(context, QUOTA), /hint/);
  });

  it('a provider that maps a quota error to another kind', async () => {
    await expectCaught(
      quotaAsUnavailable,
      (context) => checkQuotaErrorMapping(context, QUOTA),
      /quota error kind/,
    );
  });

  it('a provider that lets transient faults escape unmapped', async () => {
    await expectCaught(transientFaultsUnmapped, checkRetriesTransientFaults, /ThrottlingException/);
  });

  it('a provider whose second create of an owned cluster fails', async () => {
    await expectCaught(
      createRefusesExisting,
      async (context) => {
        await checkCreateCluster(context);
        await checkCreateNodeGroups(context);
        await checkSecondCreateIsIdempotent(context);
      },
      /a second cluster\.create\(\) must resolve.*conflict/,
    );
  });

  it('a provider whose delete of an absent nodegroup throws not-found', async () => {
    await expectCaught(
      deleteOfAbsentThrows,
      (context) => checkDeleteIsIdempotent(context),
      /nodeGroups\.delete\(core\) of an absent nodegroup must resolve.*not-found/,
    );
  });

  it('a provider that accepts an update but never applies it', async () => {
    await expectCaught(
      ignoresUpdates,
      async (context) => {
        await checkCreateCluster(context);
        await checkCreateNodeGroups(context);
        await checkUpdateNodeGroup(context);
      },
      /is active with max 5: not reached after 5 settle-and-observe rounds/,
    );
  });

  it('a provider that wants to replace unchanged nodegroups', async () => {
    await expectCaught(
      alwaysReplaces,
      async (context) => {
        await checkCreateCluster(context);
        await checkCreateNodeGroups(context);
        await checkReplanIsNoop(context);
      },
      /requiresReplacement with an unchanged config/,
    );
  });

  it('a provider whose nodegroups lack the role labels and taints', async () => {
    await expectCaught(
      dropsLabels,
      async (context) => {
        await checkCreateCluster(context);
        await checkCreateNodeGroups(context);
        await checkNodeGroupLabels(context);
      },
      /nodegroup core: labels/,
    );
  });

  it('a provider that reports sizes other than the configured ones', async () => {
    await expectCaught(
      reportsWrongMax,
      async (context) => {
        await checkCreateCluster(context);
        await checkCreateNodeGroups(context);
      },
      /fields that differ from the config/,
    );
  });

  it('a provider whose volumes cannot be attached', async () => {
    await expectCaught(
      attachesNothing,
      async (context) => checkVolumeAttachment(context, await checkCreateVolume(context)),
      /attachment\(\) gives csiDriver and volumeHandle, or nfsExport/,
    );
  });

  it('a session whose cluster never goes away fails the delete check instead of hanging', async () => {
    const stuck: Flaw = (session) => withOverrides(session, { cluster: { delete: async () => {} } });
    await expectCaught(
      stuck,
      async (context) => {
        await upWithVolume(context);
        await checkDeleteNodeGroupsAndCluster(context);
      },
      /cluster is gone: not reached after 5/,
    );
  });

  it('a provider whose cluster does not report its Service range', async () => {
    const forgetsServiceCidr: Flaw = (session) =>
      withOverrides(session, {
        cluster: {
          observe: async () => {
            const cluster = await session.cluster.observe();
            if (cluster === undefined) return undefined;
            const { serviceCidr: _dropped, ...rest } = cluster;
            return rest;
          },
        },
      });
    await expectCaught(
      forgetsServiceCidr,
      async (context) => {
        await checkCreateCluster(context);
        await checkServiceRange(context);
      },
      /serviceCidr/,
    );
  });

  it('a provider resource whose delete leaves it in place, or that never becomes ready', async () => {
    const withResources =
      (change: (resource: ProviderResourceV1) => ProviderResourceV1): Flaw =>
      (session) => ({
        ...session,
        resources: () => inMemoryProviderResources(session.clock).map(change),
      });
    const keepsOnDelete = withResources((resource) => ({
      ...resource,
      apply: async (action, context) => (action === 'delete' ? undefined : resource.apply(action, context)),
    }));
    const neverReady = withResources((resource) => ({ ...resource, ready: () => false }));
    const scenario = async (context: ConformanceContext) => {
      await checkCreateCluster(context);
      await checkProviderResources(context);
    };
    await expect(scenario(contextFor(withResources((resource) => resource)))).resolves.toBeUndefined();
    await expect(scenario(contextFor(keepsOnDelete))).rejects.toThrow(/is gone/);
    await expect(scenario(contextFor(neverReady))).rejects.toThrow(/becomes ready/);
  });
});

describe('the provider-independent comparisons', () => {
  const desired: NodeGroupConfig = {
    name: 'users',
    role: 'users',
    instanceType: 'm6i.large',
    min: 0,
    max: 4,
  };
  const observed: ObservedNodeGroupV1 = {
    name: 'users',
    status: 'active',
    instanceType: 'm6i.large',
    min: 0,
    max: 4,
    desired: 0,
    labels: {},
    taints: [],
    tags: {},
  };

  it('finds no drift when min, max and instance type agree, whatever else differs', () => {
    expect(nodeGroupDrift(desired, { ...observed, desired: 3, labels: { extra: 'x' } })).toEqual([]);
  });

  it('names every field that differs, with both values', () => {
    expect(nodeGroupDrift(desired, { ...observed, max: 5, instanceType: 'm6i.xlarge' })).toEqual([
      { field: 'max', desired: 4, observed: 5 },
      { field: 'instanceType', desired: 'm6i.large', observed: 'm6i.xlarge' },
    ]);
  });

  it('accepts the configured minor with or without a patch and vendor suffix', () => {
    expect(isConfiguredMinor('1.34', '1.34')).toBe(true);
    expect(isConfiguredMinor('1.34', '1.34.2-gke.1000')).toBe(true);
    expect(isConfiguredMinor('1.34', 'v1.34.1')).toBe(true);
    expect(isConfiguredMinor('1.34', '1.3')).toBe(false);
    expect(isConfiguredMinor('1.3', '1.34')).toBe(false);
  });
});
