import type { IncomingHttpHeaders } from 'node:http';
import type { FaultKind } from '../../framework/faults.js';
import type { FakeRequest, FakeResponse, ServiceProtocol } from '../../framework/http-service.js';
import { type JsonObject, parseJsonObject } from '../../framework/json-body.js';
import { matchRestRoute, type RestRoute } from '../../framework/rest-router.js';
import { OpenStackFakeError } from './openstack-http.js';

/** One OpenStack REST call as a handler sees it. */
export interface OpenStackRequest {
  method: string;
  labels: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON object body; `{}` for an empty body or a JSON array (read those from `rawBody`). */
  body: JsonObject;
  /** The request text, for bodies that are not objects (Magnum's JSON-patch arrays). */
  rawBody: string;
}

export interface OpenStackOperation<Context> {
  name: string;
  mutating: boolean;
  /** Sync for most; async where a handler must await (Magnum signs certificates). */
  handle(context: Context, request: OpenStackRequest): FakeResponse | Promise<FakeResponse>;
}

/**
 * A route; every method but GET and HEAD counts as mutating, unless `mutating` says otherwise: a POST
 * that hands out a credential (a Keystone token, a signed client certificate) changes no resource.
 */
export function openstackRoute<Context>(
  method: string,
  path: string,
  name: string,
  handle: OpenStackOperation<Context>['handle'],
  mutating: boolean = method !== 'GET' && method !== 'HEAD',
): RestRoute<OpenStackOperation<Context>> {
  return { method, path, target: { name, mutating, handle } };
}

export interface OpenStackProtocolSpec<Context> {
  name: string;
  routes: readonly RestRoute<OpenStackOperation<Context>>[];
  /**
   * Per request, before the handler: check the token, negotiate the microversion, settle due
   * transitions. Throws OpenStackFakeError to refuse the call.
   */
  contextFor(request: FakeRequest): Context;
  /** A body that is not JSON, in the service's error shape. */
  malformedBody(): OpenStackFakeError;
  fault(kind: Exclude<FaultKind, 'drop'>, operation: string): OpenStackFakeError;
  notFound(request: FakeRequest): OpenStackFakeError;
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** A ServiceProtocol from routes whose handlers throw OpenStackFakeError for every documented error. */
export function createOpenStackProtocol<Context>(spec: OpenStackProtocolSpec<Context>): ServiceProtocol {
  return {
    name: spec.name,
    resolve(request) {
      const match = matchRestRoute(spec.routes, request.method, request.path);
      if (!match) return undefined;
      return {
        operation: match.target.name,
        mutating: match.target.mutating,
        handle: async () => {
          try {
            const context = spec.contextFor(request);
            const body = parseJsonObject(request.body) ?? (isJsonArray(request.body) ? {} : undefined);
            if (!body) throw spec.malformedBody();
            return await match.target.handle(context, {
              method: request.method,
              labels: match.labels,
              query: request.query,
              headers: request.headers,
              body,
              rawBody: request.body,
            });
          } catch (error) {
            if (error instanceof OpenStackFakeError) return error.reply();
            throw error;
          }
        },
      };
    },
    fault: (kind, operation) => spec.fault(kind, operation).reply(),
    unknown: (request) => spec.notFound(request).reply(),
  };
}
