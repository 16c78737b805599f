import { randomUUID } from 'node:crypto';
import { type JsonObject, objectArrayField, objectField, stringField } from '../../framework/json-body.js';
import { paginate } from '../../framework/pagination.js';
import { findCluster } from './eks-clusters.js';
import { clusterNotActive, resourceInUse, resourceNotFound } from './eks-errors.js';
import { addAssociation, assertServiceAccountFree } from './eks-pod-identity.js';
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
import { type EksContext, eksArn, epochSeconds, finishTime } from './eks-settings.js';
import type { AddonRecord, ClusterRecord } from './eks-state.js';

export function renderAddon(addon: AddonRecord): Record<string, unknown> {
  return {
    addonName: addon.addonName,
    clusterName: addon.clusterName,
    status: addon.status,
    addonVersion: addon.addonVersion,
    health: { issues: [] },
    addonArn: addon.addonArn,
    createdAt: epochSeconds(addon.createdAt),
    modifiedAt: epochSeconds(addon.modifiedAt),
    serviceAccountRoleArn: addon.serviceAccountRoleArn,
    tags: addon.tags,
    configurationValues: addon.configurationValues,
    podIdentityAssociations: addon.podIdentityAssociations,
  };
}

function findAddon(cluster: ClusterRecord, addonName: string): AddonRecord {
  const addon = cluster.addons[addonName];
  if (!addon) {
    throw resourceNotFound(`No addon: ${addonName} found in cluster: ${cluster.name}`, {
      clusterName: cluster.name,
      addonName,
    });
  }
  return addon;
}

/** Add-on pod identity associations: EKS creates one per service account, owned by the add-on. */
function createOwnedAssociations(
  context: EksContext,
  cluster: ClusterRecord,
  addon: AddonRecord,
  body: JsonObject,
): string[] {
  const namespace = stringField(objectField(body, 'namespaceConfig'), 'namespace') ?? 'kube-system';
  const fields = { clusterName: cluster.name, addonName: addon.addonName };
  const specs = (objectArrayField(body, 'podIdentityAssociations') ?? []).map((entry) => ({
    namespace,
    serviceAccount: requiredString(entry, 'serviceAccount', fields),
    roleArn: requiredString(entry, 'roleArn', fields),
    ownerArn: addon.addonArn,
  }));
  for (const spec of specs) assertServiceAccountFree(cluster, spec.namespace, spec.serviceAccount);
  return specs.map(
    (spec) => addAssociation(context, cluster, spec, { requestFingerprint: '' }).associationArn,
  );
}

export function createAddon(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const { body } = request;
  const name = requiredString(body, 'addonName', { clusterName: cluster.name });
  const fields = { clusterName: cluster.name, addonName: name };
  const identity = requestIdentityOf(request);
  const existing = cluster.addons[name];
  if (existing) {
    if (isRetryOf(existing, identity)) return { addon: renderAddon(existing) };
    throw resourceInUse('Addon already exists.', fields);
  }
  refuseSpentToken(context.state, 'CreateAddon', identity);
  if (cluster.status !== 'ACTIVE') throw clusterNotActive(cluster.name);
  const addon: AddonRecord = {
    ...identity,
    addonName: name,
    clusterName: cluster.name,
    addonArn: eksArn(context.settings, `addon/${cluster.name}/${name}/${randomUUID()}`),
    addonVersion: stringField(body, 'addonVersion') ?? 'v1.0.0-eksbuild.1',
    status: 'CREATING',
    transition: { to: 'ACTIVE', at: finishTime(context, 'CreateAddon') },
    createdAt: context.now,
    modifiedAt: context.now,
    serviceAccountRoleArn: stringField(body, 'serviceAccountRoleArn'),
    configurationValues: stringField(body, 'configurationValues'),
    podIdentityAssociations: [],
    tags: tagsOf(body, fields),
  };
  addon.podIdentityAssociations = createOwnedAssociations(context, cluster, addon, body);
  cluster.addons[name] = addon;
  spendToken(context.state, 'CreateAddon', identity, `addon/${cluster.name}/${name}`);
  return { addon: renderAddon(addon) };
}

export function describeAddon(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  return { addon: renderAddon(findAddon(cluster, label(request, 'addonName'))) };
}

export function listAddons(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const page = paginate(
    Object.keys(cluster.addons).sort(),
    maxResultsOf(request),
    request.query.get('nextToken') ?? undefined,
  );
  return { addons: page.items, nextToken: page.nextToken };
}

export function deleteAddon(context: EksContext, request: EksRequest): unknown {
  const cluster = findCluster(context, label(request, 'clusterName'));
  const addon = findAddon(cluster, label(request, 'addonName'));
  if (addon.status !== 'DELETING') {
    addon.status = 'DELETING';
    addon.transition = { to: null, at: finishTime(context, 'DeleteAddon') };
    for (const [id, association] of Object.entries(cluster.podIdentityAssociations)) {
      if (association.ownerArn === addon.addonArn) delete cluster.podIdentityAssociations[id];
    }
  }
  return { addon: renderAddon(addon) };
}
