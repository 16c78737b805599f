import { deleteIfPresent } from '../session/delete-if-present.js';
import type { ServiceClient } from '../session/service-client.js';
import { segment } from '../session/service-request.js';
import { asWire } from '../wire/wire-fields.js';

/**
 * The CRUD every Neutron collection shares (`/v2.0/<plural>[/{id}]`, bodies wrapped in the singular
 * name), so each resource file only says its names, its mapper and its filters.
 */
export interface NeutronResource<Item> {
  /** Path and list key, e.g. `security-groups` and `security_groups`. */
  path: string;
  plural: string;
  singular: string;
  map(value: unknown): Item;
}

export type NeutronQuery = Record<string, string | undefined>;

/** Filters as Neutron takes them; `tags` (all of) as one comma-separated value. */
export function neutronQuery(filters: NeutronQuery, tags?: string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query[key] = value;
  if (tags?.length) query.tags = tags.join(',');
  return query;
}

export function neutronCalls<Item>(resource: NeutronResource<Item>) {
  const subject = (id: string) => `${resource.singular}/${id}`;
  const itemPath = (id: string) => `/${resource.path}/${segment(id)}`;
  return {
    async list(network: ServiceClient, query: Record<string, string> = {}): Promise<Item[]> {
      return (await network.listAll<unknown>(`/${resource.path}`, resource.plural, query)).map(resource.map);
    },
    async get(network: ServiceClient, id: string): Promise<Item> {
      const response = await network.request({ method: 'GET', path: itemPath(id), subject: subject(id) });
      return resource.map(asWire(response.body)[resource.singular]);
    },
    async create(network: ServiceClient, body: Record<string, unknown>, name?: string): Promise<Item> {
      const response = await network.request({
        method: 'POST',
        path: `/${resource.path}`,
        body: { [resource.singular]: body },
        subject: subject(name ?? String(body.name ?? 'new')),
      });
      return resource.map(asWire(response.body)[resource.singular]);
    },
    async update(network: ServiceClient, id: string, body: Record<string, unknown>): Promise<Item> {
      const response = await network.request({
        method: 'PUT',
        path: itemPath(id),
        body: { [resource.singular]: body },
        subject: subject(id),
      });
      return resource.map(asWire(response.body)[resource.singular]);
    },
    /** True when deleted, false when it was already gone. */
    remove(network: ServiceClient, id: string): Promise<boolean> {
      return deleteIfPresent(network, { path: itemPath(id), subject: subject(id) });
    },
  };
}
