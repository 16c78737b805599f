import { HubfleetError } from '../errors/index.js';
import type { EventError } from './events.js';

/** Any thrown value as plain data for events and summaries; unknown errors are reported as `internal`. */
export function toEventError(error: unknown): EventError {
  if (HubfleetError.is(error)) {
    return error.hint === undefined
      ? { kind: error.kind, message: error.message }
      : { kind: error.kind, message: error.message, hint: error.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'internal',
    message,
    hint: 'This error was not expected; please report it with the output above.',
  };
}
