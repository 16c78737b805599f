import { computeStyleError } from '../shared/compute-style-errors.js';
import type { OpenStackFakeError } from '../shared/openstack-http.js';

/** Cinder wraps errors as Nova does: `{"badRequest": {code, message}}`, `itemNotFound`, `overLimit`… */
export const cinderError = (
  status: number,
  message: string,
  headers?: Record<string, string>,
): OpenStackFakeError => computeStyleError(status, message, headers);

export const badRequest = (message: string) => cinderError(400, message);

export const volumeNotFound = (id: string) => cinderError(404, `Volume ${id} could not be found.`);
export const snapshotNotFound = (id: string) => cinderError(404, `Snapshot ${id} could not be found.`);
export const backupNotFound = (id: string) => cinderError(404, `Backup ${id} could not be found.`);

/** The message Cinder gives every refused delete (cinder/volume/api.py delete). */
export const INVALID_VOLUME_DELETE =
  'Invalid volume: Volume status must be available or error or error_restoring or error_extending or error_managing and must not be migrating, attached, belong to a group, have snapshots or be disassociated from snapshots after volume transfer.';

/** Quota: 413 overLimit with Retry-After: 0 and `retryAfter` (waiting does not help). */
export function overLimit(message: string): OpenStackFakeError {
  return cinderError(413, message, { 'retry-after': '0' });
}

export function cinderFault(kind: 'throttle' | 'server-error' | 'unavailable' | 'quota'): OpenStackFakeError {
  switch (kind) {
    case 'throttle':
      return cinderError(429, 'This request was rate-limited.', { 'retry-after': '0' });
    case 'server-error':
      return cinderError(
        500,
        'The server has either erred or is incapable of performing the requested operation.',
      );
    case 'unavailable':
      return cinderError(503, 'The service is unavailable.');
    case 'quota':
      return overLimit(
        "VolumeLimitExceeded: Maximum number of volumes allowed (10) exceeded for quota 'volumes'.",
      );
  }
}
