export type { HubfleetErrorKind, HubfleetErrorOptions } from './hubfleet-error.js';
export { ExitCode, exitCodeFor, HubfleetError } from './hubfleet-error.js';
export { looksBinary, PRINTABLE_LENGTH, printable } from './printable.js';
