import { numericId, operationName, rfc3339 } from '../google-ids.js';
import { computeNotFound } from './compute-errors.js';
import { computeLink } from './compute-links.js';
import type { ComputeContext } from './compute-settings.js';
import type { ComputeOperationRecord } from './compute-state.js';

/** Record an operation on `target` (a resource path) that finishes after `durationMs` (real ms). */
export function startComputeOperation(
  context: ComputeContext,
  project: string,
  scope: string,
  operationType: string,
  target: { path: string; id: string },
  durationMs: number,
): Record<string, unknown> {
  const name = operationName(context.now);
  const operation: ComputeOperationRecord = {
    id: numericId(),
    name,
    project,
    scope,
    operationType,
    targetLink: computeLink(target.path),
    targetId: target.id,
    insertTime: context.now,
    runningAt: context.now + Math.min(durationMs, 1),
    doneAt: context.now + durationMs,
  };
  context.state.operations[`${project}/${scope}/${name}`] = operation;
  return renderComputeOperation(operation, context.now);
}

function statusOf(operation: ComputeOperationRecord, now: number): string {
  if (now >= operation.doneAt) return 'DONE';
  return now >= operation.runningAt ? 'RUNNING' : 'PENDING';
}

export function renderComputeOperation(
  operation: ComputeOperationRecord,
  now: number,
): Record<string, unknown> {
  const status = statusOf(operation, now);
  const scope = operation.scope.startsWith('zones/')
    ? { zone: computeLink(`projects/${operation.project}/${operation.scope}`) }
    : operation.scope.startsWith('regions/')
      ? { region: computeLink(`projects/${operation.project}/${operation.scope}`) }
      : {};
  return {
    kind: 'compute#operation',
    id: operation.id,
    name: operation.name,
    operationType: operation.operationType,
    targetLink: operation.targetLink,
    targetId: operation.targetId,
    status,
    user: 'hubfleet-sim@system.gserviceaccount.com',
    progress: status === 'DONE' ? 100 : 0,
    insertTime: rfc3339(operation.insertTime),
    startTime: rfc3339(operation.insertTime),
    ...(status === 'DONE' ? { endTime: rfc3339(operation.doneAt) } : {}),
    selfLink: computeLink(`projects/${operation.project}/${operation.scope}/operations/${operation.name}`),
    ...scope,
    ...(operation.error === undefined || status !== 'DONE'
      ? {}
      : {
          error: { errors: [operation.error] },
          httpErrorStatusCode: operation.httpErrorStatusCode ?? 400,
          httpErrorMessage: 'BAD REQUEST',
        }),
  };
}

/** GET …/operations/{operation} (and POST …/wait, which answers at once here: the clock is the fake's). */
export function getComputeOperation(context: ComputeContext, labels: Record<string, string>): unknown {
  const scope = labels.zone ? `zones/${labels.zone}` : labels.region ? `regions/${labels.region}` : 'global';
  const operation = context.state.operations[`${labels.project}/${scope}/${labels.operation}`];
  if (!operation) {
    throw computeNotFound(`projects/${labels.project}/${scope}/operations/${labels.operation}`);
  }
  return renderComputeOperation(operation, context.now);
}
