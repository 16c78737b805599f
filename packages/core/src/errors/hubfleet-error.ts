/**
 * The one error hierarchy of hubfleet. Every error that can reach a user is a HubfleetError:
 * it says what happened (`message`), whether trying again can help (`retryable`) and what to do
 * (`hint`). Cloud errors are mapped to these at the provider edge.
 */
export type HubfleetErrorKind =
  | 'invalid-config' // the user's file or flags are wrong: exit 2
  | 'refused' // a safety gate stopped a destructive step: exit 3
  | 'not-found'
  | 'conflict' // the resource exists or is busy
  | 'quota' // a cloud limit was reached
  | 'permission' // credentials lack a permission
  | 'throttled' // the cloud asked us to slow down
  | 'unavailable' // 5xx, dropped connection, eventual consistency
  | 'timeout' // waited longer than the step's limit
  | 'interrupted' // SIGINT / SIGTERM
  | 'internal'; // a bug in hubfleet

export interface HubfleetErrorOptions {
  kind: HubfleetErrorKind;
  message: string;
  hint?: string;
  retryable?: boolean;
  /** The config path, cloud resource or step this error is about, e.g. `hubs[1].storage` or `nodegroup/users`. */
  subject?: string;
  cause?: unknown;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<HubfleetErrorKind> = new Set(['throttled', 'unavailable']);

export class HubfleetError extends Error {
  override readonly name: string = 'HubfleetError';
  readonly kind: HubfleetErrorKind;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  readonly subject: string | undefined;

  constructor(options: HubfleetErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.hint = options.hint;
    this.subject = options.subject;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(options.kind);
  }

  static is(value: unknown): value is HubfleetError {
    return value instanceof HubfleetError;
  }
}

/** Process exit codes, the same for every command. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  invalidInput: 2,
  refused: 3,
  /** Stopped by SIGINT, SIGTERM or SIGHUP: 128 + SIGINT's number, the shell's convention for Ctrl-C. */
  interrupted: 130,
} as const;

export function exitCodeFor(error: unknown): number {
  if (!HubfleetError.is(error)) return ExitCode.failed;
  if (error.kind === 'invalid-config') return ExitCode.invalidInput;
  if (error.kind === 'refused') return ExitCode.refused;
  if (error.kind === 'interrupted') return ExitCode.interrupted;
  return ExitCode.failed;
}
