import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../../framework/http-service.js';
import { booleanField, numberField, stringField, stringMapField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { invalid, magnumError } from './magnum-errors.js';
import { magnumPage } from './magnum-list.js';
import { findTemplate } from './magnum-lookup.js';
import { magnumReply } from './magnum-reply.js';
import type { MagnumContext } from './magnum-settings.js';
import type { ClusterTemplateRecord } from './magnum-state.js';
import { renderTemplate } from './magnum-views.js';

/** A template from a POST body (or a seed); `image_id` and `coe` are required as in the api-ref. */
export function templateFromBody(
  context: MagnumContext,
  body: Readonly<Record<string, unknown>>,
): ClusterTemplateRecord {
  const imageId = stringField(body, 'image_id');
  const coe = stringField(body, 'coe');
  if (!imageId)
    throw invalid('Invalid input for field/attribute image_id. Value: None. Mandatory field missing.');
  if (!coe) throw invalid('Invalid input for field/attribute coe. Value: None. Mandatory field missing.');
  if (coe !== 'kubernetes') throw magnumError(400, `Cluster type (vm, None, ${coe}) not supported.`);
  return {
    uuid: randomUUID(),
    name: stringField(body, 'name') ?? `clustertemplate-${randomUUID().slice(0, 8)}`,
    projectId: context.settings.projectId,
    coe,
    imageId,
    keypairId: stringField(body, 'keypair_id') ?? null,
    externalNetworkId: stringField(body, 'external_network_id') ?? null,
    fixedNetwork: stringField(body, 'fixed_network') ?? null,
    fixedSubnet: stringField(body, 'fixed_subnet') ?? null,
    networkDriver: stringField(body, 'network_driver') ?? 'flannel',
    volumeDriver: stringField(body, 'volume_driver') ?? null,
    flavorId: stringField(body, 'flavor_id') ?? 'm1.medium',
    masterFlavorId: stringField(body, 'master_flavor_id') ?? null,
    dockerVolumeSize: numberField(body, 'docker_volume_size') ?? null,
    labels: stringMapField(body, 'labels') ?? {},
    tlsDisabled: booleanField(body, 'tls_disabled') ?? false,
    public: booleanField(body, 'public') ?? false,
    hidden: booleanField(body, 'hidden') ?? false,
    masterLbEnabled: booleanField(body, 'master_lb_enabled') ?? false,
    floatingIpEnabled: booleanField(body, 'floating_ip_enabled') ?? true,
    serverType: stringField(body, 'server_type') ?? 'vm',
    createdAt: context.now,
  };
}

/** POST /v1/clustertemplates → 201 with the template. */
export function createTemplate(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const template = templateFromBody(context, request.body);
  context.state.clusterTemplates[template.uuid] = template;
  return magnumReply(context, 201, renderTemplate(context, template));
}

export function listTemplates(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const visible = Object.values(context.state.clusterTemplates).filter(
    (template) => (template.public || template.projectId === context.settings.projectId) && !template.hidden,
  );
  const page = magnumPage(context, visible, request.query, 'clustertemplates');
  return magnumReply(context, 200, {
    clustertemplates: page.items.map((template) => renderTemplate(context, template)),
    ...(page.next ? { next: page.next } : {}),
  });
}

export function showTemplate(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  return magnumReply(
    context,
    200,
    renderTemplate(context, findTemplate(context, request.labels.ident as string)),
  );
}

/** DELETE → 204; 400 while a cluster still uses it (ClusterTemplateReferenced). */
export function deleteTemplate(context: MagnumContext, request: OpenStackRequest): FakeResponse {
  const template = findTemplate(context, request.labels.ident as string);
  if (Object.values(context.state.clusters).some((cluster) => cluster.clusterTemplateId === template.uuid))
    throw invalid(`ClusterTemplate ${template.uuid} is referenced by one or multiple clusters.`);
  delete context.state.clusterTemplates[template.uuid];
  return magnumReply(context, 204);
}
