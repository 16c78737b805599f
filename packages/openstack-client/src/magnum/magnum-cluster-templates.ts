import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { toClusterTemplate } from './magnum-mappers.js';
import type { MagnumClusterTemplate } from './magnum-types.js';

/** What `POST /v1/clustertemplates` takes (snake_case as on the wire; `coe` and `image_id` required). */
export interface ClusterTemplateInput {
  name: string;
  coe: 'kubernetes';
  image_id: string;
  keypair_id?: string;
  external_network_id?: string;
  fixed_network?: string;
  fixed_subnet?: string;
  network_driver?: string;
  volume_driver?: string;
  flavor_id?: string;
  master_flavor_id?: string;
  docker_volume_size?: number;
  labels?: Record<string, string>;
  tls_disabled?: boolean;
  public?: boolean;
  master_lb_enabled?: boolean;
  floating_ip_enabled?: boolean;
}

export async function listClusterTemplates(magnum: ServiceClient): Promise<MagnumClusterTemplate[]> {
  const items = await magnum.listAll<unknown>('/clustertemplates', 'clustertemplates');
  return items.map(toClusterTemplate);
}

/** By uuid or name (a name shared by two templates is a 409 conflict). */
export async function getClusterTemplate(
  magnum: ServiceClient,
  ident: string,
): Promise<MagnumClusterTemplate> {
  const response = await magnum.request({
    method: 'GET',
    path: `/clustertemplates/${segment(ident)}`,
    subject: `cluster template/${ident}`,
  });
  return toClusterTemplate(response.body);
}

export async function createClusterTemplate(
  magnum: ServiceClient,
  input: ClusterTemplateInput,
): Promise<MagnumClusterTemplate> {
  const response = await magnum.request({
    method: 'POST',
    path: '/clustertemplates',
    body: input,
    subject: `cluster template/${input.name}`,
  });
  return toClusterTemplate(response.body);
}

/** DELETE → 204; false when it was already gone, 400 while a cluster uses it. */
export function deleteClusterTemplate(magnum: ServiceClient, ident: string): Promise<boolean> {
  return deleteIfPresent(magnum, {
    path: `/clustertemplates/${segment(ident)}`,
    subject: `cluster template/${ident}`,
  });
}
