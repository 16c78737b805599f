import type { FakeRequest, FakeResponse, ServiceProtocol } from '../framework/http-service.js';
import { type JsonObject, parseJsonObject } from '../framework/json-body.js';
import { matchRestRoute, type RestRoute } from '../framework/rest-router.js';
import { bearerToken } from '../kubernetes/authentication.js';
import {
  GoogleApiError,
  googleErrorResponse,
  googleFault,
  invalidArgument,
  permissionDenied,
  unauthenticated,
} from './google-errors.js';

/** One request as a Google REST handler sees it. */
export interface GoogleRequest {
  /** Path labels, e.g. `{ project, location, cluster }`. */
  labels: Record<string, string>;
  query: URLSearchParams;
  /** The body as JSON; `{}` on a route that takes raw content (a media upload). */
  body: JsonObject;
  /** The body as sent. */
  raw: string;
  headers: FakeRequest['headers'];
}

/**
 * A handler's answer that is not a JSON resource: a media download, or GCS's `204 No Content`
 * for a delete.
 */
export class GoogleRawResponse {
  constructor(readonly response: FakeResponse) {}
}

export interface GoogleOperation<Context> {
  name: string;
  mutating: boolean;
  /** The IAM permission the call needs, for PERMISSION_DENIED on a project the caller has no role on. */
  permission: string;
  /** The body is content, not JSON (a media upload). */
  rawBody?: boolean;
  handle(context: Context, request: GoogleRequest): unknown;
}

export function googleRoute<Context>(
  method: string,
  path: string,
  name: string,
  permission: string,
  handle: GoogleOperation<Context>['handle'],
  options: { rawBody?: boolean; mutating?: boolean } = {},
): RestRoute<GoogleOperation<Context>> {
  const { mutating = method !== 'GET', ...rest } = options;
  return { method, path, target: { name, mutating, permission, handle, ...rest } };
}

/**
 * `/v1/projects/p/locations/l/clusters/c:setResourceLabels` → the path without the custom verb,
 * and the route key that carries it (`.../{cluster}/:setResourceLabels`), so the REST router can match
 * AIP-136 custom methods like any other segment.
 */
function withCustomVerb(path: string): string {
  const last = path.lastIndexOf('/');
  const colon = path.indexOf(':', last);
  return colon < 0 ? path : `${path.slice(0, colon)}/:${path.slice(colon + 1)}`;
}

export interface GoogleProtocolOptions<Context> {
  /** The call log's service name, e.g. `container`, `compute`. */
  name: string;
  /** ErrorInfo's domain, e.g. `container.googleapis.com`. */
  domain: string;
  routes: readonly RestRoute<GoogleOperation<Context>>[];
  /** Fresh context for one request (settles due transitions first). */
  context(): Context;
  /** Accepts an OAuth2 access token; absent: any bearer token is accepted. */
  authenticate?: (token: string) => boolean;
  /** Projects the caller holds a role on; absent: every project. */
  projects?: readonly string[];
}

function json(result: unknown): FakeResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(result ?? {}),
  };
}

/** A Google REST service (JSON over HTTP/1.1, as the client libraries' REST fallback speaks it). */
export function createGoogleProtocol<Context>(options: GoogleProtocolOptions<Context>): ServiceProtocol {
  const respond = (
    request: FakeRequest,
    operation: GoogleOperation<Context>,
    labels: Record<string, string>,
  ) => {
    try {
      const token = bearerToken(request);
      if (token === undefined || (options.authenticate !== undefined && !options.authenticate(token))) {
        throw unauthenticated();
      }
      const project = labels.project;
      if (project !== undefined && options.projects !== undefined && !options.projects.includes(project)) {
        throw permissionDenied(operation.permission, `projects/${project}`);
      }
      const body = operation.rawBody === true ? {} : parseJsonObject(request.body);
      if (body === undefined) throw invalidArgument('Invalid JSON payload received.');
      const result = operation.handle(options.context(), {
        labels,
        query: request.query,
        body,
        raw: request.body,
        headers: request.headers,
      });
      return result instanceof GoogleRawResponse ? result.response : json(result);
    } catch (error) {
      if (error instanceof GoogleApiError) return googleErrorResponse(error, options.domain);
      throw error;
    }
  };
  return {
    name: options.name,
    resolve(request) {
      const match = matchRestRoute(options.routes, request.method, withCustomVerb(request.path));
      if (!match) return undefined;
      return {
        operation: match.target.name,
        mutating: match.target.mutating,
        handle: () => respond(request, match.target, match.labels),
      };
    },
    fault: (kind) => googleErrorResponse(googleFault(kind), options.domain),
    unknown: (request) =>
      googleErrorResponse(
        new GoogleApiError('NOT_FOUND', `The requested URL ${request.path} was not found on this server.`),
        options.domain,
      ),
  };
}
