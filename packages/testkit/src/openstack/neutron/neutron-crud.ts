import { stringField } from '../../framework/json-body.js';
import type { OpenStackRequest } from '../shared/openstack-protocol.js';
import { lookup, type NeutronContext, reply, touch } from './neutron-context.js';
import { listReply } from './neutron-listing.js';
import type { NeutronState } from './neutron-state.js';

type Collection = 'networks' | 'subnets' | 'ports' | 'routers' | 'securityGroups' | 'floatingIps';
type RecordOf<C extends Collection> = NeutronState[C][string];
type View<C extends Collection> = (context: NeutronContext, record: RecordOf<C>) => Record<string, unknown>;

/** `GET /v2.0/<plural>`: every record of the collection through the list filters. */
export function listing<C extends Collection>(collection: C, plural: string, view: View<C>) {
  return (context: NeutronContext, request: OpenStackRequest) =>
    listReply(
      context,
      plural,
      request.query,
      Object.values(context.state[collection]) as RecordOf<C>[],
      (record) => view(context, record),
    );
}

/** `GET /v2.0/<plural>/{id}` → `{<singular>: view}`, 404 in the collection's own words. */
export function showing<C extends Collection>(collection: C, singular: string, view: View<C>) {
  return (context: NeutronContext, request: OpenStackRequest) =>
    reply(200, { [singular]: view(context, lookup(context, collection, request.labels.id)) });
}

/** The attributes every update may change: name and description (and the revision moves on). */
export function updateCommon(
  context: NeutronContext,
  record: { name?: string; description: string; updated: number; revision: number },
  body: Record<string, unknown>,
): void {
  if (record.name !== undefined) record.name = stringField(body, 'name') ?? record.name;
  record.description = stringField(body, 'description') ?? record.description;
  touch(context, record);
}
