import { GoogleApiError } from '../google-errors.js';

/** GKE's answer while another operation runs on the cluster (cloud-contracts.md §2). */
export function clusterHasOperation(operation: string): GoogleApiError {
  return new GoogleApiError(
    'FAILED_PRECONDITION',
    `Cluster is running incompatible operation ${operation}.`,
    'CLUSTER_ALREADY_HAS_OPERATION',
    { operation },
  );
}

export function alreadyExists(resource: string): GoogleApiError {
  return new GoogleApiError('ALREADY_EXISTS', `Already exists: ${resource}.`);
}

export function containerNotFound(resource: string): GoogleApiError {
  return new GoogleApiError('NOT_FOUND', `Not found: ${resource}.`);
}

export function failedPrecondition(message: string): GoogleApiError {
  return new GoogleApiError('FAILED_PRECONDITION', message);
}
