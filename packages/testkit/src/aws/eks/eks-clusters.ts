import { randomUUID } from 'node:crypto';
import { booleanField, objectField, stringArrayField, stringField } from '../../framework/json-body.js';
import { paginate } from '../../framework/pagination.js';
import { randomId } from '../shared/aws-ids.js';
import { clusterNotFound, invalidParameter, limitExceeded, resourceInUse } from './eks-errors.js';
import {
  type EksRequest,
  isRetryOf,
  label,
  maxResultsOf,
  refuseSpentToken,
  requestIdentityOf,
  requiredString,
  spendToken,
  tagsOf,
} from './eks-request.js';
import { type EksContext, eksArn, epochSeconds, finishTime, visibleTime } from './eks-settings.js';
import type { ClusterRecord } from './eks-state.js';

/** Cluster names: 1-100 characters, starting alphanumeric, then alphanumerics, hyphens and underscores. */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;

/** A placeholder CA bundle (base64 PEM), for clients that only check the field is there. */
const PLACEHOLDER_CERTIFICATE = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nZmFrZSBFS1MgY2x1c3RlciBDQQ==\n-----END CERTIFICATE-----\n',
).toString('base64');

export function findCluster(context: EksContext, clusterName: string): ClusterRecord {
  const cluster = context.state.clusters[clusterName];
  if (!cluster) throw clusterNotFound(clusterName);
  return cluster;
}

export function renderCluster(cluster: ClusterRecord): Record<string, unknown> {
  const reachable = cluster.status !== 'CREATING';
  return {
    name: cluster.name,
    arn: cluster.arn,
    id: cluster.id,
    createdAt: epochSeconds(cluster.createdAt),
    version: cluster.version,
    endpoint: reachable ? cluster.endpoint : undefined,
    roleArn: cluster.roleArn,
    resourcesVpcConfig: {
      subnetIds: cluster.subnetIds,
      securityGroupIds: cluster.securityGroupIds,
      clusterSecurityGroupId: cluster.clusterSecurityGroupId,
      vpcId: cluster.vpcId,
      endpointPublicAccess: cluster.endpointPublicAccess,
      endpointPrivateAccess: cluster.endpointPrivateAccess,
      publicAccessCidrs: cluster.publicAccessCidrs,
    },
    kubernetesNetworkConfig: { serviceIpv4Cidr: cluster.serviceIpv4Cidr, ipFamily: 'ipv4' },
    logging: {
      clusterLogging: [
        { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false },
      ],
    },
    identity: { oidc: { issuer: cluster.oidcIssuer } },
    status: cluster.status,
    certificateAuthority: reachable ? { data: cluster.certificateAuthorityData } : {},
    clientRequestToken: cluster.clientRequestToken,
    platformVersion: 'eks.1',
    tags: cluster.tags,
    health: { issues: [] },
    accessConfig: {
      authenticationMode: cluster.authenticationMode,
      bootstrapClusterCreatorAdminPermissions: cluster.bootstrapClusterCreatorAdminPermissions,
    },
    upgradePolicy: { supportType: 'EXTENDED' },
  };
}

function newCluster(context: EksContext, request: EksRequest, name: string): ClusterRecord {
  const { body } = request;
  const roleArn = requiredString(body, 'roleArn', { clusterName: name });
  const vpc = objectField(body, 'resourcesVpcConfig');
  const subnetIds = stringArrayField(vpc, 'subnetIds') ?? [];
  if (subnetIds.length < 2) {
    throw invalidParameter('Subnets specified must be in at least two different AZs', { clusterName: name });
  }
  const access = objectField(body, 'accessConfig');
  const id = randomUUID();
  const { settings } = context;
  return {
    ...requestIdentityOf(request),
    name,
    arn: eksArn(settings, `cluster/${name}`),
    id,
    createdAt: context.now,
    visibleAt: visibleTime(context),
    version: stringField(body, 'version') ?? settings.defaultKubernetesVersion,
    roleArn,
    status: 'CREATING',
    transition: { to: 'ACTIVE', at: finishTime(context, 'CreateCluster') },
    subnetIds,
    securityGroupIds: stringArrayField(vpc, 'securityGroupIds') ?? [],
    clusterSecurityGroupId: `sg-${randomId(17)}`,
    vpcId: `vpc-${randomId(17)}`,
    endpointPublicAccess: booleanField(vpc, 'endpointPublicAccess') ?? true,
    endpointPrivateAccess: booleanField(vpc, 'endpointPrivateAccess') ?? false,
    publicAccessCidrs: stringArrayField(vpc, 'publicAccessCidrs') ?? ['0.0.0.0/0'],
    serviceIpv4Cidr:
      stringField(objectField(body, 'kubernetesNetworkConfig'), 'serviceIpv4Cidr') ??
      settings.defaultServiceIpv4Cidr,
    authenticationMode: stringField(access, 'authenticationMode') ?? 'API_AND_CONFIG_MAP',
    bootstrapClusterCreatorAdminPermissions:
      booleanField(access, 'bootstrapClusterCreatorAdminPermissions') ?? true,
    endpoint:
      settings.endpointFor?.(name) ??
      `https://${randomId(32, 'upper-alphanumeric')}.gr7.${settings.region}.eks.amazonaws.com`,
    certificateAuthorityData: settings.certificateAuthorityFor?.(name) ?? PLACEHOLDER_CERTIFICATE,
    oidcIssuer: `https://oidc.eks.${settings.region}.amazonaws.com/id/${id.replace(/-/g, '').toUpperCase()}`,
    tags: tagsOf(body, { clusterName: name }),
    nodegroups: {},
    addons: {},
    podIdentityAssociations: {},
    updates: {},
  };
}

export function createCluster(context: EksContext, request: EksRequest): unknown {
  const name = requiredString(request.body, 'name');
  if (!CLUSTER_NAME.test(name)) {
    throw invalidParameter(
      `The cluster name ${name} is not valid: use 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.`,
      {
        clusterName: name,
      },
    );
  }
  const identity = requestIdentityOf(request);
  const existing = context.state.clusters[name];
  if (existing) {
    if (isRetryOf(existing, identity)) return { cluster: renderCluster(existing) };
    throw resourceInUse(`Cluster already exists with name: ${name}`, { clusterName: name });
  }
  refuseSpentToken(context.state, 'CreateCluster', identity);
  const limit = context.settings.quotas.clustersPerRegion;
  if (Object.keys(context.state.clusters).length >= limit) {
    throw limitExceeded(
      `Cannot create cluster ${name}: the account already has ${limit} clusters in this region.`,
      {
        clusterName: name,
      },
    );
  }
  const cluster = newCluster(context, request, name);
  context.state.clusters[name] = cluster;
  spendToken(context.state, 'CreateCluster', identity, `cluster/${name}`);
  return { cluster: renderCluster(cluster) };
}

export function describeCluster(context: EksContext, request: EksRequest): unknown {
  const name = label(request, 'name');
  const cluster = findCluster(context, name);
  if (context.now < cluster.visibleAt) throw clusterNotFound(name);
  return { cluster: renderCluster(cluster) };
}

export function listClusters(context: EksContext, request: EksRequest): unknown {
  const names = Object.keys(context.state.clusters).sort();
  const page = paginate(names, maxResultsOf(request), request.query.get('nextToken') ?? undefined);
  return { clusters: page.items, nextToken: page.nextToken };
}

export function deleteCluster(context: EksContext, request: EksRequest): unknown {
  const name = label(request, 'name');
  const cluster = findCluster(context, name);
  if (Object.keys(cluster.nodegroups).length > 0) {
    throw resourceInUse('Cluster has nodegroups attached', { clusterName: name });
  }
  if (cluster.status !== 'DELETING') {
    cluster.status = 'DELETING';
    cluster.transition = { to: null, at: finishTime(context, 'DeleteCluster') };
  }
  return { cluster: renderCluster(cluster) };
}
