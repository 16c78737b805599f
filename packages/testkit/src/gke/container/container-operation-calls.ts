import type { GoogleRequest } from '../google-protocol.js';
import { enumWriter } from './container-enums.js';
import { containerNotFound } from './container-errors.js';
import { operationKey } from './container-links.js';
import { renderOperation } from './container-operations.js';
import type { ContainerContext } from './container-settings.js';

export function getOperation(context: ContainerContext, request: GoogleRequest): unknown {
  const key = operationKey(
    request.labels.project ?? '',
    request.labels.location ?? '',
    request.labels.operation ?? '',
  );
  const operation = context.state.operations[key];
  if (!operation) throw containerNotFound(key);
  return renderOperation(operation, context.now, enumWriter(request.query));
}

export function listOperations(context: ContainerContext, request: GoogleRequest): unknown {
  const { project, location } = request.labels;
  const enums = enumWriter(request.query);
  return {
    operations: Object.values(context.state.operations)
      .filter(
        (operation) => operation.project === project && (location === '-' || operation.location === location),
      )
      .map((operation) => renderOperation(operation, context.now, enums)),
  };
}
