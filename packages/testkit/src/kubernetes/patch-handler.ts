import type { FakeResponse } from '../framework/index.js';
import {
  badRequest,
  conflict,
  jsonResponse,
  KubernetesApiError,
  notFound,
  unsupportedMediaType,
} from './errors.js';
import { applyJsonPatch } from './json-patch.js';
import { asRecord, asString, isRecord, type KubeObject, kubernetesTime, metadataOf } from './kube-object.js';
import { applyMergePatch } from './merge-patch.js';
import { commitUpdate, createObject } from './object-writes.js';
import { presentObject } from './read-handlers.js';
import { fieldManager, isDryRun, jsonBody, mediaType, type ResourceRequest } from './request-context.js';
import { groupVersion } from './resource-types.js';
import { type ApplyRequest, applyToLive, ownershipOnCreate } from './server-side-apply.js';
import { findStored } from './store.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';
import { checkIdentity, checkKind, updateScope } from './write-handlers.js';

function invalidPatchOptions(field: string, message: string): KubernetesApiError {
  return new KubernetesApiError(
    422,
    'Invalid',
    `PatchOptions.meta.k8s.io "" is invalid: ${field}: ${message}`,
    {
      group: 'meta.k8s.io',
      kind: 'PatchOptions',
      causes: [
        {
          reason: message.startsWith('Required') ? 'FieldValueRequired' : 'FieldValueForbidden',
          message,
          field,
        },
      ],
    },
  );
}

function patched(context: ResourceRequest, live: KubeObject, type: string, body: unknown): KubeObject {
  let result: unknown;
  if (type === 'application/json-patch+json') result = applyJsonPatch(live, body);
  else if (type === 'application/merge-patch+json') result = applyMergePatch(live, body);
  else if (type === 'application/strategic-merge-patch+json') {
    if (!context.route.type.builtIn) {
      throw new KubernetesApiError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
      );
    }
    result = applyStrategicMergePatch(live, body);
  } else throw unsupportedMediaType(type);
  if (!isRecord(result)) throw badRequest('the patch must leave an object');
  return result;
}

function applyBody(context: ResourceRequest): KubeObject {
  let body: unknown;
  try {
    body = JSON.parse(context.request.body);
  } catch {
    throw badRequest(
      'this fake API server reads apply bodies as JSON only (send the configuration as JSON, a subset of YAML)',
    );
  }
  if (!isRecord(body)) throw badRequest('the apply configuration must be an object');
  if (!asString(body.apiVersion) || !asString(body.kind))
    throw badRequest('apiVersion and kind must be set in an apply configuration');
  checkKind(context, body);
  checkIdentity(context, body);
  return body;
}

function handleApply(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  const manager = request.query.get('fieldManager');
  if (!manager) throw invalidPatchOptions('fieldManager', 'Required value: is required for apply patch');
  const configuration = applyBody(context);
  const applyRequest: ApplyRequest = {
    type: route.type,
    configuration,
    manager,
    force: request.query.get('force') === 'true',
    apiVersion: groupVersion(route.type.group, route.version),
    time: kubernetesTime(cluster.clock.now()),
  };
  const dryRun = isDryRun(request);
  const scope = updateScope(context);
  const stored = findStored(cluster.state, route.type, route.namespace ?? '', route.name ?? '');
  if (!stored) {
    if (scope !== 'main') throw notFound(route.type, route.name ?? '');
    const body = { ...configuration, metadata: { ...asRecord(configuration.metadata), name: route.name } };
    const created = createObject(cluster, route.type, route.version, route.namespace, body, {
      manager,
      dryRun,
      recordOwnership: (object) => ownershipOnCreate(applyRequest, object),
    });
    return jsonResponse(201, presentObject(route.type, route.version, created));
  }
  const requestedVersion = asString(asRecord(configuration.metadata)?.resourceVersion);
  const liveVersion = asString(asRecord(stored.object.metadata)?.resourceVersion);
  if (requestedVersion && requestedVersion !== liveVersion) throw conflict(route.type, stored.name);
  const merged = applyToLive(stored.object, applyRequest);
  const managedFields = asRecord(merged.metadata)?.managedFields;
  const next = commitUpdate(cluster, route.type, stored, merged, scope, {
    manager,
    dryRun,
    recordOwnership: (object) => {
      const metadata = metadataOf(object);
      if (managedFields === undefined) delete metadata.managedFields;
      else metadata.managedFields = managedFields;
    },
  });
  return jsonResponse(200, presentObject(route.type, route.version, next));
}

/** PATCH: JSON patch, merge patch, strategic merge patch, or server-side apply. */
export function handlePatch(context: ResourceRequest): FakeResponse {
  const { cluster, route, request } = context;
  const type = mediaType(request);
  if (type === 'application/apply-patch+yaml') return handleApply(context);
  if (type.startsWith('application/apply-patch')) throw unsupportedMediaType(type);
  if (request.query.get('force') !== null)
    throw invalidPatchOptions('force', 'Forbidden: may not be specified for non-apply patch');
  const scope = updateScope(context);
  const stored = findStored(cluster.state, route.type, route.namespace ?? '', route.name ?? '');
  if (!stored) throw notFound(route.type, route.name ?? '');
  const live = presentObject(route.type, route.version, stored.object);
  const next = patched(context, live, type, jsonBody(request));
  const result = commitUpdate(cluster, route.type, stored, next, scope, {
    manager: fieldManager(request),
    dryRun: isDryRun(request),
  });
  return jsonResponse(200, presentObject(route.type, route.version, result));
}
