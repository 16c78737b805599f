import { magnumError } from './magnum-errors.js';
import type { MagnumContext } from './magnum-settings.js';
import type { ClusterRecord, ClusterTemplateRecord, NodegroupRecord } from './magnum-state.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Magnum resolves an "ident" as a uuid if it looks like one, else as a name; names are not
 * unique, so a name shared by several answers 409 (magnum/api/utils.py get_resource).
 */
function byIdent<Record extends { uuid: string; name: string }>(
  records: readonly Record[],
  ident: string,
  notFound: () => Error,
  plural: string,
): Record {
  if (UUID.test(ident)) {
    const found = records.find((record) => record.uuid === ident);
    if (found) return found;
    throw notFound();
  }
  const named = records.filter((record) => record.name === ident);
  if (named.length > 1)
    throw magnumError(
      409,
      `Multiple ${plural} exist with same name. Please use the ${plural.replace(/s$/, '')} uuid instead.`,
    );
  if (named[0]) return named[0];
  throw notFound();
}

export function findCluster(context: MagnumContext, ident: string): ClusterRecord {
  const mine = Object.values(context.state.clusters).filter(
    (cluster) => cluster.projectId === context.settings.projectId,
  );
  return byIdent(mine, ident, () => magnumError(404, `Cluster ${ident} could not be found.`), 'clusters');
}

export function findTemplate(context: MagnumContext, ident: string): ClusterTemplateRecord {
  const visible = Object.values(context.state.clusterTemplates).filter(
    (template) => template.public || template.projectId === context.settings.projectId,
  );
  return byIdent(
    visible,
    ident,
    () => magnumError(404, `ClusterTemplate ${ident} could not be found.`),
    'cluster templates',
  );
}

export function findNodegroup(
  context: MagnumContext,
  cluster: ClusterRecord,
  ident: string,
): NodegroupRecord {
  const groups = Object.values(context.state.nodegroups).filter(
    (nodegroup) => nodegroup.clusterId === cluster.uuid,
  );
  return byIdent(
    groups,
    ident,
    () => magnumError(404, `Nodegroup ${ident} could not be found.`),
    'nodegroups',
  );
}
