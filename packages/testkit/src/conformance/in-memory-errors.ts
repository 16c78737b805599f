import { HubfleetError } from '@hubfleet/core';
import type { FaultKind } from '../framework/faults.js';

/** The in-memory cloud's "resource not found", mapped as a provider maps its cloud's 404s. */
export function notFound(subject: string): HubfleetError {
  return new HubfleetError({
    kind: 'not-found',
    subject,
    message: `${subject} does not exist.`,
    hint: 'Run `hubfleet plan` to see what exists; `hubfleet up` creates what is missing.',
  });
}

/** The in-memory cloud's "exists or busy", mapped as a provider maps its cloud's 409s. */
export function conflict(subject: string, reason: string): HubfleetError {
  return new HubfleetError({
    kind: 'conflict',
    subject,
    message: `${subject} ${reason}.`,
    hint: 'Wait for the operation in progress to finish, then run the command again.',
  });
}

/** An injected fault as the provider edge maps it: transient ones retryable, quota not. */
export function mappedFault(fault: FaultKind, operation: string): HubfleetError {
  const subject = `memory.${operation}`;
  switch (fault) {
    case 'throttle':
      return new HubfleetError({
        kind: 'throttled',
        subject,
        message: `The cloud asked to slow down (${operation}).`,
        hint: 'hubfleet retries with backoff; if it persists, lower the parallelism.',
      });
    case 'quota':
      return new HubfleetError({
        kind: 'quota',
        subject,
        message: `${operation} would exceed a quota of this account.`,
        hint: 'Ask the cloud for a higher limit, or lower `max` of the nodegroups in the config.',
      });
    default:
      return new HubfleetError({
        kind: 'unavailable',
        subject,
        message: `The cloud failed to answer ${operation} (${fault}).`,
        hint: 'This is usually transient; hubfleet retries it.',
      });
  }
}
