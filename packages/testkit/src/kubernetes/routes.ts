import type { ResourceType } from './resource-types.js';
import { groupVersion } from './resource-types.js';
import type { TypeRegistry } from './type-registry.js';

/** A request path, as the API server's router understands it. */
export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'legacy-versions' }
  | { kind: 'group-list' }
  | { kind: 'group'; group: string }
  | { kind: 'resource-list'; group: string; version: string }
  | ResourceRoute;

/** A path to a collection, an object, or an object's subresource. */
export interface ResourceRoute {
  kind: 'resource';
  type: ResourceType;
  version: string;
  /** Set for namespaced paths; absent for cluster-scoped objects and all-namespace lists. */
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The deprecated `/watch/` path prefix was used. */
  watchPath: boolean;
}

/** The API verbs the fake serves. */
export type Verb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'apply'
  | 'delete'
  | 'deletecollection';

const MUTATING: ReadonlySet<Verb> = new Set([
  'create',
  'update',
  'patch',
  'apply',
  'delete',
  'deletecollection',
]);

/** Whether a verb writes. */
export function isMutating(verb: Verb): boolean {
  return MUTATING.has(verb);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function resourceRoute(
  registry: TypeRegistry,
  group: string,
  version: string,
  rest: string[],
): ResourceRoute | undefined {
  const watchPath = rest[0] === 'watch';
  const parts = watchPath ? rest.slice(1) : rest;
  const namespacedType =
    parts[0] === 'namespaces' && parts.length >= 3
      ? registry.find(group, version, parts[2] ?? '')
      : undefined;
  if (namespacedType?.namespaced) {
    if (parts.length > 5) return undefined;
    const [, namespace, , name, subresource] = parts;
    return { kind: 'resource', type: namespacedType, version, namespace, name, subresource, watchPath };
  }
  const [plural, name, subresource] = parts;
  const type = registry.find(group, version, plural ?? '');
  if (!type || parts.length > 3 || (type.namespaced && name !== undefined)) return undefined;
  return { kind: 'resource', type, version, name, subresource, watchPath };
}

/** Parse a path; undefined when nothing is served there. */
export function parseRoute(path: string, registry: TypeRegistry): Route | undefined {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decode);
  const [root, second, third] = segments;
  if (segments.length === 1 && root === 'version') return { kind: 'version' };
  if (root === 'healthz' || root === 'livez' || root === 'readyz') return { kind: 'health' };
  if (root === 'api') {
    if (second === undefined) return { kind: 'legacy-versions' };
    if (second !== 'v1') return undefined;
    return segments.length === 2
      ? { kind: 'resource-list', group: '', version: 'v1' }
      : resourceRoute(registry, '', 'v1', segments.slice(2));
  }
  if (root === 'apis') {
    if (second === undefined) return { kind: 'group-list' };
    if (third === undefined) return { kind: 'group', group: second };
    if (segments.length === 3) return { kind: 'resource-list', group: second, version: third };
    return resourceRoute(registry, second, third, segments.slice(3));
  }
  return undefined;
}

/** The verb a method means on a route; undefined when the method is not allowed there. */
export function verbFor(
  method: string,
  route: ResourceRoute,
  query: URLSearchParams,
  contentType: string,
): Verb | undefined {
  const onObject = route.name !== undefined;
  const allNamespaces = route.type.namespaced && route.namespace === undefined;
  if (allNamespaces && method !== 'GET') return undefined;
  switch (method) {
    case 'GET':
      if (onObject) return 'get';
      return route.watchPath || query.get('watch') === 'true' || query.get('watch') === '1'
        ? 'watch'
        : 'list';
    case 'POST':
      return onObject ? undefined : 'create';
    case 'PUT':
      return onObject ? 'update' : undefined;
    case 'PATCH':
      if (!onObject) return undefined;
      return contentType.startsWith('application/apply-patch') ? 'apply' : 'patch';
    case 'DELETE':
      return onObject ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

/** The call-log operation name: `create/apps/v1/deployments`, `list/v1/pods`, `update/v1/pods/status`. */
export function operationName(verb: Verb | 'unsupported', route: ResourceRoute): string {
  const base = `${verb}/${groupVersion(route.type.group, route.version)}/${route.type.plural}`;
  return route.subresource ? `${base}/${route.subresource}` : base;
}
