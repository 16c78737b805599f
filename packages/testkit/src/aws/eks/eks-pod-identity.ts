import { booleanField, stringField } from '../../framework/json-body.js';
import { paginate } from '../../framework/pagination.js';
import { randomId } from '../shared/aws-ids.js';
import { findCluster } from './eks-clusters.js';
import { clusterNotActive, limitExceeded, resourceInUse, resourceNotFound } from './eks-errors.js';
import {
  type EksRequest,
  isRetryOf,
  label,
  maxResultsOf,
  requestIdentityOf,
  requiredString,
  tagsOf,
} from './eks-request.js';
import { type EksContext, eksArn, epochSeconds } from './eks-settings.js';
import type { ClusterRecord, PodIdentityAssociationRecord, RequestIdentity } from './eks-state.js';

/** What an association binds: a Kubernetes service account to an IAM role. */
export interface AssociationSpec {
  namespace: string;
  serviceAccount: string;
  roleArn: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  tags?: Record<string, string>;
  /** The add-on that created it, for associations made through CreateAddon. */
  ownerArn?: string;
}

export function renderAssociation(association: PodIdentityAssociationRecord): Record<string, unknown> {
  return {
    clusterName: association.clusterName,
    namespace: association.namespace,
    serviceAccount: association.serviceAccount,
    roleArn: association.roleArn,
    associationArn: association.associationArn,
    associationId: association.associationId,
    tags: association.tags,
    createdAt: epochSeconds(association.createdAt),
    modifiedAt: epochSeconds(association.modifiedAt),
    ownerArn: association.ownerArn,
    disableSessionTags: association.disableSessionTags,
    targetRoleArn: association.targetRoleArn,
  };
}

function renderSummary(association: PodIdentityAssociationRecord): Record<string, unknown> {
  const { clusterName, namespace, serviceAccount, associationArn, associationId, ownerArn } = association;
  return { clusterName, namespace, serviceAccount, associationArn, associationId, ownerArn };
}

function findByServiceAccount(cluster: ClusterRecord, namespace: string, serviceAccount: string) {
  return Object.values(cluster.podIdentityAssociations).find(
    (association) => association.namespace === namespace && association.serviceAccount === serviceAccount,
  );
}

/** One association per service account: a second one is a conflict. */
export function assertServiceAccountFree(
  cluster: ClusterRecord,
  namespace: string,
  serviceAccount: string,
): void {
  const existing = findByServiceAccount(cluster, namespace, serviceAccount);
  if (existing) {
    throw resourceInUse(
      `Association already exists for service account ${namespace}/${serviceAccount}: ${existing.associationId}`,
      { clusterName: cluster.name },
    );
  }
}

/** Adds an association to a cluster; shared by CreatePodIdentityAssociation and CreateAddon. */
export function addAssociation(
  context: EksContext,
  cluster: ClusterRecord,
  spec: AssociationSpec,
  identity: RequestIdentity,
): PodIdentityAssociationRecord {
  assertServiceAccountFree(cluster, spec.namespace, spec.serviceAccount);
  const limit = context.settings.quotas.podIdentityAssociationsPerCluster;
  if (Object.keys(cluster.podIdentityAssociations).length >= limit) {
    throw limitExceeded(`Cluster ${cluster.name} already has ${limit} pod identity associations.`, {
      clusterName: cluster.name,
    });
  }
  const associationId = `a-${randomId(17, 'lower-alphanumeric')}`;
  const association: PodIdentityAssociationRecord = {
    ...identity,
    associationId,
    associationArn: eksArn(context.settings, `podidentityassociation/${cluster.name}/${associationId}`),
    clusterName: cluster.name,
    namespace: spec.namespace,
    serviceAccount: spec.serviceAccount,
    roleArn: spec.roleArn,
    targetRoleArn: spec.targetRoleArn,
    disableSessionTags: spec.disableSessionTags ?? false,
    ownerArn: spec.ownerArn,
    createdAt: context.now,
    modifiedAt: context.now,
    tags: spec.tags ?? {},
  };
  cluster.podIdentityAssociations[associationId] = association;
  return association;
}

export function createPodIdentityAssociation(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const { body } = request;
  const fields = { clusterName: cluster.name };
  const namespace = requiredString(body, 'namespace', fields);
  const serviceAccount = requiredString(body, 'serviceAccount', fields);
  const roleArn = requiredString(body, 'roleArn', fields);
  const identity = requestIdentityOf(request);
  const existing = findByServiceAccount(cluster, namespace, serviceAccount);
  if (existing && isRetryOf(existing, identity)) return { association: renderAssociation(existing) };
  if (cluster.status !== 'ACTIVE') throw clusterNotActive(cluster.name);
  const spec: AssociationSpec = {
    namespace,
    serviceAccount,
    roleArn,
    targetRoleArn: stringField(body, 'targetRoleArn'),
    disableSessionTags: booleanField(body, 'disableSessionTags'),
    tags: tagsOf(body, fields),
  };
  return { association: renderAssociation(addAssociation(context, cluster, spec, identity)) };
}

function findAssociation(cluster: ClusterRecord, associationId: string): PodIdentityAssociationRecord {
  const association = cluster.podIdentityAssociations[associationId];
  if (!association) {
    throw resourceNotFound(`No Pod Identity Association found with id ${associationId}`, {
      clusterName: cluster.name,
    });
  }
  return association;
}

export function describePodIdentityAssociation(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  return { association: renderAssociation(findAssociation(cluster, label(request, 'associationId'))) };
}

export function listPodIdentityAssociations(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const namespace = request.query.get('namespace');
  const serviceAccount = request.query.get('serviceAccount');
  const matching = Object.values(cluster.podIdentityAssociations)
    .filter((association) => !namespace || association.namespace === namespace)
    .filter((association) => !serviceAccount || association.serviceAccount === serviceAccount)
    .sort((a, b) => a.createdAt - b.createdAt || a.associationId.localeCompare(b.associationId));
  const page = paginate(matching, maxResultsOf(request), request.query.get('nextToken') ?? undefined);
  return { associations: page.items.map(renderSummary), nextToken: page.nextToken };
}

export function deletePodIdentityAssociation(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const association = findAssociation(cluster, label(request, 'associationId'));
  delete cluster.podIdentityAssociations[association.associationId];
  return { association: renderAssociation(association) };
}
