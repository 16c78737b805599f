import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteInternetGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  EC2Client,
  EC2ServiceException,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallLog } from '../../framework/call-log.js';
import { createManualClock } from '../../framework/clock.js';
import { createFaultInjector } from '../../framework/faults.js';
import { type RunningEc2Fake, startEc2Fake } from './index.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const HUB_TAGS = [{ Key: 'hubfleet.io/deployment', Value: 'research' }];

async function failure(promise: Promise<unknown>): Promise<EC2ServiceException> {
  try {
    await promise;
  } catch (problem) {
    if (problem instanceof EC2ServiceException) return problem;
    throw problem;
  }
  throw new Error('expected the call to fail');
}

describe('EC2 fake: VPC networking through the real @aws-sdk/client-ec2', () => {
  let clock: ReturnType<typeof createManualClock>;
  let service: RunningEc2Fake;
  let ec2: EC2Client;

  beforeEach(async () => {
    clock = createManualClock();
    service = await startEc2Fake({
      clock,
      faults: createFaultInjector(),
      callLog: createCallLog(),
      region: 'us-west-2',
    });
    ec2 = new EC2Client({
      endpoint: service.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
  });

  afterEach(async () => {
    ec2.destroy();
    await service.close();
  });

  async function createVpc(): Promise<string> {
    const { Vpc } = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: HUB_TAGS }],
      }),
    );
    return Vpc?.VpcId as string;
  }

  it('lists the configured region’s availability zones', async () => {
    const { AvailabilityZones } = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.map((zone) => [zone.ZoneName, zone.ZoneId, zone.State])).toEqual([
      ['us-west-2a', 'usw2-az1', 'available'],
      ['us-west-2b', 'usw2-az2', 'available'],
      ['us-west-2c', 'usw2-az3', 'available'],
    ]);
    const filtered = await ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'zone-name', Values: ['us-west-2b'] }] }),
    );
    expect(filtered.AvailabilityZones).toHaveLength(1);
  });

  it('builds a VPC with public subnets, an internet gateway and a default route, then tears it down', async () => {
    const created = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: HUB_TAGS }],
      }),
    );
    expect(created.Vpc).toMatchObject({
      State: 'pending',
      CidrBlock: '10.0.0.0/16',
      IsDefault: false,
      Tags: HUB_TAGS,
    });
    const vpcId = created.Vpc?.VpcId as string;
    clock.advance(2_000);
    const vpcs = await ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'tag:hubfleet.io/deployment', Values: ['research'] }] }),
    );
    expect(vpcs.Vpcs).toMatchObject([{ VpcId: vpcId, State: 'available' }]);

    const subnetIds: string[] = [];
    for (const [index, zone] of ['us-west-2a', 'us-west-2b'].entries()) {
      const { Subnet } = await ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${index}.0/24`, AvailabilityZone: zone }),
      );
      expect(Subnet).toMatchObject({
        AvailabilityZone: zone,
        AvailableIpAddressCount: 251,
        MapPublicIpOnLaunch: false,
      });
      subnetIds.push(Subnet?.SubnetId as string);
      await ec2.send(
        new ModifySubnetAttributeCommand({
          SubnetId: Subnet?.SubnetId,
          MapPublicIpOnLaunch: { Value: true },
        }),
      );
    }
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    expect(subnets.Subnets?.map((subnet) => [subnet.SubnetId, subnet.MapPublicIpOnLaunch])).toEqual(
      subnetIds.map((id) => [id, true]),
    );

    const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
    const gatewayId = InternetGateway?.InternetGatewayId as string;
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: vpcId }));
    const gateways = await ec2.send(
      new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }),
    );
    expect(gateways.InternetGateways?.[0]?.Attachments).toEqual([{ VpcId: vpcId, State: 'available' }]);

    const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const routeTableId = RouteTable?.RouteTableId as string;
    await ec2.send(
      new CreateRouteCommand({
        RouteTableId: routeTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: gatewayId,
      }),
    );
    const duplicate = await failure(
      ec2.send(
        new CreateRouteCommand({
          RouteTableId: routeTableId,
          DestinationCidrBlock: '0.0.0.0/0',
          GatewayId: gatewayId,
        }),
      ),
    );
    expect(duplicate.name).toBe('RouteAlreadyExists');
    const associationIds: string[] = [];
    for (const subnetId of subnetIds) {
      const association = await ec2.send(
        new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetId }),
      );
      expect(association.AssociationState?.State).toBe('associated');
      associationIds.push(association.AssociationId as string);
    }
    const tables = await ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    expect(tables.RouteTables).toHaveLength(2);
    const main = tables.RouteTables?.find((table) =>
      table.Associations?.some((association) => association.Main),
    );
    expect(main?.Routes).toEqual([
      {
        DestinationCidrBlock: '10.0.0.0/16',
        GatewayId: 'local',
        State: 'active',
        Origin: 'CreateRouteTable',
      },
    ]);
    const publicTable = tables.RouteTables?.find((table) => table.RouteTableId === routeTableId);
    expect(publicTable?.Routes?.[1]).toEqual({
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: gatewayId,
      State: 'active',
      Origin: 'CreateRoute',
    });
    expect(publicTable?.Associations?.map((association) => association.SubnetId)).toEqual(subnetIds);

    const stillAssociated = await failure(
      ec2.send(new DeleteRouteTableCommand({ RouteTableId: routeTableId })),
    );
    expect(stillAssociated.name).toBe('DependencyViolation');
    for (const associationId of associationIds) {
      await ec2.send(new DisassociateRouteTableCommand({ AssociationId: associationId }));
    }
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: routeTableId }));
    const attached = await failure(
      ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gatewayId })),
    );
    expect(attached.name).toBe('DependencyViolation');
    await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: gatewayId, VpcId: vpcId }));
    await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: gatewayId }));
    for (const subnetId of subnetIds) await ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    expect((await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables).toEqual([]);
  });

  it('refuses DeleteVpc with DependencyViolation while subnets or a gateway remain', async () => {
    const vpcId = await createVpc();
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24' }));
    const withSubnet = await failure(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })));
    expect(withSubnet).toMatchObject({
      name: 'DependencyViolation',
      message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
    });
    expect(withSubnet.$metadata.httpStatusCode).toBe(400);
    await ec2.send(new DeleteSubnetCommand({ SubnetId: Subnet?.SubnetId }));

    const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({}));
    await ec2.send(
      new AttachInternetGatewayCommand({
        InternetGatewayId: InternetGateway?.InternetGatewayId,
        VpcId: vpcId,
      }),
    );
    expect((await failure(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })))).name).toBe(
      'DependencyViolation',
    );
    await ec2.send(
      new DetachInternetGatewayCommand({
        InternetGatewayId: InternetGateway?.InternetGatewayId,
        VpcId: vpcId,
      }),
    );
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));

    const missing = await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })));
    expect(missing.name).toBe('InvalidVpcID.NotFound');
    const noSubnet = await failure(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })),
    );
    expect(noSubnet.name).toBe('InvalidSubnetID.NotFound');
  });

  it('rejects subnets outside the VPC range, overlapping, or in an unknown zone', async () => {
    const vpcId = await createVpc();
    await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.0.0/20' }));
    const outside = await failure(
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.1.0.0/24' })),
    );
    expect(outside.name).toBe('InvalidSubnet.Range');
    const overlap = await failure(
      ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24' })),
    );
    expect(overlap.name).toBe('InvalidSubnet.Conflict');
    const zone = await failure(
      ec2.send(
        new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.16.0/24', AvailabilityZone: 'us-west-2z' }),
      ),
    );
    expect(zone.name).toBe('InvalidParameterValue');
    expect(zone.message).toContain('us-west-2a, us-west-2b, us-west-2c');
    const noVpc = await failure(
      ec2.send(new CreateSubnetCommand({ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/24' })),
    );
    expect(noVpc.name).toBe('InvalidVpcID.NotFound');
  });

  it('creates security groups with ingress rules, rejects duplicates, and protects referenced groups', async () => {
    const vpcId = await createVpc();
    const nodes = await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: 'hubfleet-nodes',
        Description: 'hubfleet worker nodes',
        TagSpecifications: [{ ResourceType: 'security-group', Tags: HUB_TAGS }],
      }),
    );
    const lb = await ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: 'hubfleet-lb',
        Description: 'load balancer',
      }),
    );
    const nodesId = nodes.GroupId as string;
    const granted = await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: nodesId,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }],
          },
          { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: lb.GroupId }] },
        ],
      }),
    );
    expect(granted.Return).toBe(true);
    expect(granted.SecurityGroupRules).toHaveLength(2);
    const duplicate = await failure(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: nodesId,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          ],
        }),
      ),
    );
    expect(duplicate.name).toBe('InvalidPermission.Duplicate');

    const described = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'group-name', Values: ['hubfleet-*'] },
        ],
      }),
    );
    expect(described.SecurityGroups?.map((group) => group.GroupName).sort()).toEqual([
      'hubfleet-lb',
      'hubfleet-nodes',
    ]);
    const nodesGroup = described.SecurityGroups?.find((group) => group.GroupId === nodesId);
    expect(nodesGroup).toMatchObject({ Description: 'hubfleet worker nodes', Tags: HUB_TAGS });
    expect(nodesGroup?.IpPermissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https' }],
        UserIdGroupPairs: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
      },
      {
        IpProtocol: '-1',
        UserIdGroupPairs: [{ GroupId: lb.GroupId, UserId: '123456789012' }],
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
      },
    ]);
    expect(nodesGroup?.IpPermissionsEgress?.[0]).toMatchObject({
      IpProtocol: '-1',
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
    });

    const referenced = await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb.GroupId })));
    expect(referenced.name).toBe('DependencyViolation');
    const defaultGroup = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }),
      )
    ).SecurityGroups?.[0];
    expect(
      (await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: defaultGroup?.GroupId })))).name,
    ).toBe('CannotDelete');
    expect((await failure(ec2.send(new DeleteVpcCommand({ VpcId: vpcId })))).name).toBe(
      'DependencyViolation',
    );
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: nodesId }));
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb.GroupId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
    expect((await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups).toEqual([]);
  });
});
