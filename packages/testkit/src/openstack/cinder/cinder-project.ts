import type { OpenStackFakeError } from '../shared/openstack-http.js';
import type { CinderContext } from './cinder-settings.js';

/** The records of the request's project: another project's are invisible (Cinder scopes by token). */
export function inProject<Item extends { projectId: string }>(
  context: CinderContext,
  records: Record<string, Item>,
): Item[] {
  return Object.values(records).filter((record) => record.projectId === context.settings.projectId);
}

/** The record with `id` in the request's project, else the 404 `notFound` makes. */
export function findInProject<Item extends { projectId: string }>(
  context: CinderContext,
  records: Record<string, Item>,
  id: string,
  notFound: (id: string) => OpenStackFakeError,
): Item {
  const record = records[id];
  if (!record || record.projectId !== context.settings.projectId) throw notFound(id);
  return record;
}
