import type { FakeResponse } from '../framework/index.js';
import { badRequest, jsonResponse, notFound } from './errors.js';
import { asRecord, asString, type KubeObject, nameOf, namespaceOf } from './kube-object.js';
import { type DeleteOutcome, deleteObject, parseDeleteRequest } from './object-deletes.js';
import { commitUpdate, createObject, type UpdateScope } from './object-writes.js';
import { presentObject, selectObjects } from './read-handlers.js';
import { fieldManager, isDryRun, objectBody, type ResourceRequest } from './request-context.js';
import { groupVersion } from './resource-types.js';
import { findStored } from './store.js';

/** 400 unless the body's apiVersion and kind (when given) are those of the endpoint. */
export function checkKind({ route }: ResourceRequest, body: KubeObject): void {
  const expected = groupVersion(route.type.group, route.version);
  const apiVersion = asString(body.apiVersion);
  if (apiVersion !== undefined && apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  const kind = asString(body.kind);
  if (kind !== undefined && kind !== route.type.kind) {
    throw badRequest(`the kind in the data (${kind}) does not match the expected kind (${route.type.kind})`);
  }
}

/** 400 unless the body names the object and namespace the URL does. */
export function checkIdentity({ route }: ResourceRequest, body: KubeObject): void {
  const name = nameOf(body);
  if (route.name !== undefined && name !== '' && name !== route.name) {
    throw badRequest(`the name of the object (${name}) does not match the name on the URL (${route.name})`);
  }
  const namespace = namespaceOf(body);
  if (
    route.namespace !== undefined &&
    namespace !== undefined &&
    namespace !== '' &&
    namespace !== route.namespace
  ) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

function present(context: ResourceRequest, status: number, object: KubeObject): FakeResponse {
  return jsonResponse(status, presentObject(context.route.type, context.route.version, object));
}

/** POST: create, 201. */
export function handleCreate(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  if (route.subresource) throw badRequest(`create is not supported on ${route.subresource}`);
  const body = objectBody(request);
  checkKind(context, body);
  checkIdentity(context, body);
  const created = createObject(cluster, route.type, route.version, route.namespace, body, {
    manager: fieldManager(request),
    dryRun: isDryRun(request),
  });
  return present(context, 201, created);
}

/** The scope a write on this route may change. */
export function updateScope(context: ResourceRequest): UpdateScope {
  if (context.route.subresource === undefined) return 'main';
  if (context.route.subresource === 'status' && context.route.type.statusSubresource) return 'status';
  if (context.route.subresource === 'finalize' && context.route.type.plural === 'namespaces') return 'main';
  throw notFound(context.route.type, `${context.route.name ?? ''}/${context.route.subresource}`);
}

/** PUT: replace (409 on a stale resourceVersion; create when the type allows it). */
export function handleUpdate(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  const body = objectBody(request);
  checkKind(context, body);
  checkIdentity(context, body);
  const scope = updateScope(context);
  const stored = findStored(cluster.state, route.type, route.namespace ?? '', route.name ?? '');
  const options = { manager: fieldManager(request), dryRun: isDryRun(request) };
  if (!stored) {
    if (!route.type.allowCreateOnUpdate || scope !== 'main') throw notFound(route.type, route.name ?? '');
    const created = createObject(
      cluster,
      route.type,
      route.version,
      route.namespace,
      { ...body, metadata: { ...asRecord(body.metadata), name: route.name } },
      options,
    );
    return present(context, 201, created);
  }
  if (route.subresource === 'finalize') {
    const spec = body.spec;
    const next = { ...stored.object, spec };
    return present(context, 200, commitUpdate(cluster, route.type, stored, next, 'main', options));
  }
  return present(context, 200, commitUpdate(cluster, route.type, stored, body, scope, options));
}

function outcomeResponse(context: ResourceRequest, outcome: DeleteOutcome): FakeResponse {
  if ('status' in outcome) return jsonResponse(200, outcome.status);
  return present(context, 200, outcome.object);
}

/** DELETE of one object. */
export function handleDelete(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  if (route.subresource) throw badRequest(`delete is not supported on ${route.subresource}`);
  const stored = findStored(cluster.state, route.type, route.namespace ?? '', route.name ?? '');
  if (!stored) throw notFound(route.type, route.name ?? '');
  return outcomeResponse(
    context,
    deleteObject(cluster, route.type, stored, parseDeleteRequest(request.body, request.query)),
  );
}

/** DELETE of a collection: every selected object, answered with the list of what was deleted. */
export function handleDeleteCollection(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  const options = parseDeleteRequest(request.body, request.query);
  const items = selectObjects(context).map((stored) => {
    const outcome = deleteObject(cluster, route.type, stored, options);
    return 'object' in outcome ? outcome.object : stored.object;
  });
  return jsonResponse(200, {
    kind: route.type.listKind,
    apiVersion: groupVersion(route.type.group, route.version),
    metadata: { resourceVersion: String(cluster.state.resourceVersion) },
    items: items.map((item) => presentObject(route.type, route.version, item)),
  });
}
