export type { HubfleetErrorKind, HubfleetErrorOptions } from './hubfleet-error.js';
export { ExitCode, exitCodeFor, HubfleetError } from './hubfleet-error.js';
