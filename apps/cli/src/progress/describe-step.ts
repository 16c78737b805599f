import type { EventError, StepStartedEvent } from '@hubfleet/core';
import { formatDuration } from '@hubfleet/core/engine';

/** `waiting on EKS to create the control plane (usually ~12m)`. */
export function describeWaiting(event: Pick<StepStartedEvent, 'waitingOn' | 'typicalDurationMs'>): string {
  const usually =
    event.typicalDurationMs === undefined ? '' : ` (usually ~${formatDuration(event.typicalDurationMs)})`;
  return `waiting on ${event.waitingOn}${usually}`;
}

/** An error in one line, with its hint when it has one. */
export function describeError(error: EventError): string {
  return error.hint === undefined ? error.message : `${error.message} Hint: ${error.hint}`;
}

/** `1 attempt` / `3 attempts`. */
export function describeAttempts(attempts: number): string {
  return `${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
