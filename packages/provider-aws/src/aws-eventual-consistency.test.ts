import { OwnershipTag } from '@hubfleet/core';
import {
  createCallLog,
  createClock,
  createFaultInjector,
  startEc2Fake,
  startEksFake,
  startIamFake,
  startStsFake,
} from '@hubfleet/testkit';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { describe, expect, it } from 'vitest';
import { quickstartConfig as quickstart } from '../test/aws-fake-world.js';
import { connectAws } from './aws-connect.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** The calls that name an id hubfleet has just been given, and so may meet EC2's propagation delay. */
const USES_A_NEW_ID = new Set([
  'AttachInternetGateway',
  'CreateSubnet',
  'CreateRouteTable',
  'CreateRoute',
  'AssociateRouteTable',
  'ModifySubnetAttribute',
  'ModifyVpcAttribute',
  'DescribeVpcAttribute',
  'CreateTags',
]);

describe('EC2 ids that have not propagated yet', () => {
  it('are waited for: the network converges while new ids still answer NotFound', async () => {
    // A real-time clock: the fake's delay (300 ms) passes while the provider backs off (25 ms, doubling).
    const clock = createClock(1);
    const faults = createFaultInjector();
    const callLog = createCallLog();
    const common = { clock, faults, callLog };
    const config = quickstart('consistent');
    const region = config.provider.region;
    const ec2 = await startEc2Fake({ ...common, region, visibilityDelay: 300 });
    const fakes = [
      ec2,
      await startEksFake({ ...common, region }),
      await startIamFake(common),
      await startStsFake(common),
    ];
    const session = await connectAws(
      config,
      {
        configDirectory: process.cwd(),
        simulatedEndpoints: Object.fromEntries(fakes.map((fake) => [fake.name, fake.url])),
      },
      {
        credentials: { accessKeyId: 'AKIAHUBFLEETTEST0001', secretAccessKey: 'test-secret' },
        retryStrategy: new ConfiguredRetryStrategy(3, 1),
        retryDelayMs: 25,
      },
    );
    try {
      await session.cluster.create();
      const ec2Calls = callLog.calls.filter((call) => call.service === 'ec2');
      const refused = ec2Calls.filter((call) => call.status === 400).map((call) => call.operation);
      expect(refused.length, 'calls EC2 refused with NotFound while the id propagated').toBeGreaterThan(0);
      expect(refused.filter((operation) => !USES_A_NEW_ID.has(operation))).toEqual([]);
      for (const operation of new Set(refused)) {
        expect(
          ec2Calls.some((call) => call.operation === operation && call.status === 200),
          operation,
        ).toBe(true);
      }

      const { vpcs, subnets, internetGateways, routeTables } = ec2.fake.state;
      const [vpc, ...others] = Object.values(vpcs);
      expect(others).toEqual([]);
      expect(Object.values(internetGateways).map((gateway) => gateway.attachedVpcId)).toEqual([vpc?.vpcId]);
      const ours = Object.values(subnets);
      expect(ours).toHaveLength(2);
      expect(ours.every((subnet) => subnet.mapPublicIpOnLaunch)).toBe(true);
      const table = Object.values(routeTables).find((candidate) => candidate.tags[OwnershipTag.deployment]);
      expect(table?.routes.map((route) => route.destinationCidrBlock)).toContain('0.0.0.0/0');
      expect(table?.associations.map((association) => association.subnetId).sort()).toEqual(
        ours.map((subnet) => subnet.subnetId).sort(),
      );
    } finally {
      await session.close();
      await Promise.all(fakes.map((fake) => fake.close()));
    }
  });
});
