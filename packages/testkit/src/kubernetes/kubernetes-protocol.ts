import type { FakeRequest, FakeResponse, ResolvedOperation, ServiceProtocol } from '../framework/index.js';
import { type AuthenticationSettings, authenticateRequest } from './authentication.js';
import type { Cluster } from './cluster.js';
import { apiGroup, apiGroupList, apiResourceList, legacyApiVersions, versionInfo } from './discovery.js';
import {
  internalError,
  jsonResponse,
  KubernetesApiError,
  methodNotAllowed,
  pathNotFound,
  quotaExceeded,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
} from './errors.js';
import { handlePatch } from './patch-handler.js';
import { handleGet, handleList, handleWatch } from './read-handlers.js';
import { reconcile } from './reconcile.js';
import { mediaType, type ResourceRequest } from './request-context.js';
import {
  isMutating,
  operationName,
  parseRoute,
  type ResourceRoute,
  type Route,
  type Verb,
  verbFor,
} from './routes.js';
import { handleCreate, handleDelete, handleDeleteCollection, handleUpdate } from './write-handlers.js';

type DiscoveryRoute = Exclude<Route, ResourceRoute>;

/** How the protocol is wired to the rest of the fake. */
export interface ProtocolSettings {
  name: string;
  authentication: AuthenticationSettings;
  /** Called after any request that changed state. */
  onStateChange?: () => void;
}

function respondToFault(
  kind: 'throttle' | 'server-error' | 'unavailable' | 'quota',
  operation: string,
): FakeResponse {
  if (kind === 'throttle') return tooManyRequests(1).toResponse();
  if (kind === 'unavailable') return serviceUnavailable().toResponse();
  if (kind === 'quota') return quotaExceeded(operation).toResponse();
  return internalError(`injected fault in ${operation}`).toResponse();
}

function serveResource(verb: Verb, context: ResourceRequest): FakeResponse {
  switch (verb) {
    case 'get':
      return handleGet(context);
    case 'list':
      return handleList(context);
    case 'watch':
      return handleWatch(context);
    case 'create':
      return handleCreate(context);
    case 'update':
      return handleUpdate(context);
    case 'patch':
    case 'apply':
      return handlePatch(context);
    case 'delete':
      return handleDelete(context);
    case 'deletecollection':
      return handleDeleteCollection(context);
  }
}

function discoveryBody(cluster: Cluster, route: DiscoveryRoute, request: FakeRequest): unknown {
  const types = cluster.types();
  switch (route.kind) {
    case 'version':
      return versionInfo(cluster.settings.gitVersion);
    case 'health':
      return undefined;
    case 'legacy-versions':
      return legacyApiVersions(String(request.headers.host ?? '127.0.0.1'));
    case 'group-list':
      return apiGroupList(types);
    case 'group':
      return apiGroup(types, route.group);
    case 'resource-list':
      return apiResourceList(types, route.group, route.version);
  }
}

function serveDiscovery(cluster: Cluster, route: DiscoveryRoute, request: FakeRequest): FakeResponse {
  if (route.kind === 'health') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
  const body = discoveryBody(cluster, route, request);
  if (body === undefined) throw pathNotFound();
  return jsonResponse(200, body);
}

/** `discovery/apps/v1`, `discovery/v1`, `discovery/apis`, `get/version`… */
function discoveryOperation(route: DiscoveryRoute): string {
  switch (route.kind) {
    case 'group':
      return `discovery/${route.group}`;
    case 'resource-list':
      return `discovery/${route.group === '' ? '' : `${route.group}/`}${route.version}`;
    case 'legacy-versions':
      return 'discovery/api';
    case 'group-list':
      return 'discovery/apis';
    default:
      return `get/${route.kind}`;
  }
}

/**
 * The Kubernetes API as a framework ServiceProtocol: routes to operations named like
 * `create/apps/v1/deployments`, client-certificate and bearer-token authentication (/version and health checks are open,
 * as on a real server), the modelled controllers run before each answer, errors and faults as
 * `Status` objects.
 */
export function createKubernetesProtocol(cluster: Cluster, settings: ProtocolSettings): ServiceProtocol {
  const run = async (request: FakeRequest, route: Route, verb: Verb | undefined): Promise<FakeResponse> => {
    const before = cluster.state.resourceVersion;
    try {
      const open = route.kind === 'version' || route.kind === 'health';
      if (!open && !(await authenticateRequest(request, settings.authentication))) throw unauthorized();
      reconcile(cluster);
      if (route.kind !== 'resource') return serveDiscovery(cluster, route, request);
      if (!verb) throw methodNotAllowed();
      return serveResource(verb, { cluster, route, request });
    } catch (problem) {
      if (problem instanceof KubernetesApiError) return problem.toResponse();
      throw problem;
    } finally {
      if (cluster.state.resourceVersion !== before) settings.onStateChange?.();
    }
  };

  return {
    name: settings.name,
    resolve(request): ResolvedOperation | undefined {
      const route = parseRoute(request.path, cluster.types());
      if (!route) return undefined;
      if (route.kind !== 'resource') {
        return {
          operation: discoveryOperation(route),
          mutating: false,
          handle: () => run(request, route, undefined),
        };
      }
      const verb = verbFor(request.method, route, request.query, mediaType(request));
      return {
        operation: operationName(verb ?? 'unsupported', route),
        mutating: verb ? isMutating(verb) : false,
        handle: () => run(request, route, verb),
      };
    },
    fault: respondToFault,
    unknown: () => pathNotFound().toResponse(),
  };
}
