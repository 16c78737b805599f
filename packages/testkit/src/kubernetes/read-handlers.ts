import type { FakeResponse } from '../framework/index.js';
import { badRequest, jsonResponse, notFound } from './errors.js';
import { cloneJson, type KubeObject, labelsOf } from './kube-object.js';
import type { ResourceRequest } from './request-context.js';
import { groupVersion, type ResourceType } from './resource-types.js';
import {
  matchesFieldSelector,
  matchesLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors.js';
import { findStored, listStored, objectKey, type StoredObject } from './store.js';

/** An object as served at a version: apiVersion is the one asked for. */
export function presentObject(type: ResourceType, version: string, object: KubeObject): KubeObject {
  return { ...cloneJson(object), apiVersion: groupVersion(type.group, version), kind: type.kind };
}

/** GET of one object (or its status subresource). */
export function handleGet({ cluster, route }: ResourceRequest): FakeResponse {
  const stored = findStored(cluster.state, route.type, route.namespace ?? '', route.name ?? '');
  if (!stored) throw notFound(route.type, route.name ?? '');
  return jsonResponse(200, presentObject(route.type, route.version, stored.object));
}

/** The stored objects a collection request selects (namespace, labelSelector, fieldSelector). */
export function selectObjects({ cluster, route, request }: ResourceRequest): StoredObject[] {
  const labels = parseLabelSelector(request.query.get('labelSelector') ?? '');
  const fields = parseFieldSelector(request.query.get('fieldSelector') ?? '', route.type);
  return listStored(cluster.state, route.type, route.namespace).filter(
    (stored) =>
      matchesLabelSelector(labelsOf(stored.object), labels) && matchesFieldSelector(stored.object, fields),
  );
}

interface ContinueToken {
  after: string;
}

function decodeContinue(token: string): ContinueToken {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (
      typeof decoded === 'object' &&
      decoded !== null &&
      typeof (decoded as ContinueToken).after === 'string'
    ) {
      return decoded as ContinueToken;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  );
}

/**
 * Items as a list response carries them: built-in types without apiVersion/kind (the API server
 * leaves them out of list items), custom resources with them.
 */
function listItem(route: ResourceRequest['route'], object: KubeObject): KubeObject {
  const item = presentObject(route.type, route.version, object);
  if (route.type.builtIn) {
    delete item.apiVersion;
    delete item.kind;
  }
  return item;
}

/** LIST, with selectors and `limit`/`continue` paging in key order. */
export function handleList(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  let selected = selectObjects(context);
  const token = request.query.get('continue');
  if (token) {
    const { after } = decodeContinue(token);
    selected = selected.filter(
      (stored) => objectKey(stored.group, stored.plural, stored.namespace, stored.name) > after,
    );
  }
  const limit = Number(request.query.get('limit') ?? '0');
  const metadata: Record<string, unknown> = { resourceVersion: String(cluster.state.resourceVersion) };
  if (Number.isInteger(limit) && limit > 0 && selected.length > limit) {
    const last = selected[limit - 1];
    if (last) {
      const after = objectKey(last.group, last.plural, last.namespace, last.name);
      metadata.continue = Buffer.from(JSON.stringify({ after })).toString('base64url');
      metadata.remainingItemCount = selected.length - limit;
    }
    selected = selected.slice(0, limit);
  }
  return jsonResponse(200, {
    kind: route.type.listKind,
    apiVersion: groupVersion(route.type.group, route.version),
    metadata,
    items: selected.map((stored) => listItem(route, stored.object)),
  });
}

/**
 * WATCH, answered as a watch the server ends at once: one ADDED event per selected object, then
 * the stream closes and a client lists or watches again.
 */
export function handleWatch(context: ResourceRequest): FakeResponse {
  const { route } = context;
  const events = selectObjects(context).map((stored) =>
    JSON.stringify({ type: 'ADDED', object: presentObject(route.type, route.version, stored.object) }),
  );
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: events.map((event) => `${event}\n`).join(''),
  };
}
