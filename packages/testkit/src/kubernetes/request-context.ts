import type { FakeRequest } from '../framework/index.js';
import type { Cluster } from './cluster.js';
import { badRequest } from './errors.js';
import { isRecord, type KubeObject } from './kube-object.js';
import type { ResourceRoute } from './routes.js';

/** One resource request, parsed, with the cluster it runs against. */
export interface ResourceRequest {
  cluster: Cluster;
  route: ResourceRoute;
  request: FakeRequest;
}

/** The request's media type without parameters (`application/merge-patch+json`). */
export function mediaType(request: FakeRequest): string {
  const header = request.headers['content-type'];
  return (Array.isArray(header) ? header[0] : header)?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The JSON body; 400 BadRequest when it does not parse. */
export function jsonBody(request: FakeRequest): unknown {
  try {
    return JSON.parse(request.body);
  } catch (problem) {
    const reason = problem instanceof Error ? problem.message : String(problem);
    throw badRequest(`the request body could not be decoded as JSON: ${reason}`);
  }
}

/** The JSON body as an object; 400 BadRequest otherwise. */
export function objectBody(request: FakeRequest): KubeObject {
  const body = jsonBody(request);
  if (!isRecord(body)) throw badRequest('the request body must be a JSON object');
  return body;
}

/** `dryRun=All`. */
export function isDryRun(request: FakeRequest): boolean {
  return request.query.getAll('dryRun').includes('All');
}

/** The field manager: the `fieldManager` parameter, else the user agent's first word, as the API server derives it. */
export function fieldManager(request: FakeRequest): string {
  const explicit = request.query.get('fieldManager');
  if (explicit) return explicit;
  const agent = request.headers['user-agent'];
  const first = (Array.isArray(agent) ? agent[0] : agent)?.split('/')[0]?.trim();
  return first || 'unknown';
}
