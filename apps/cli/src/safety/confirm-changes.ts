import { HubfleetError, type PlanStep, type SafetyFlags } from '@hubfleet/core';
import { assertStepsAllowed } from '@hubfleet/core/engine';

export interface ConfirmChangesOptions {
  steps: readonly PlanStep[];
  flags: SafetyFlags;
  /** `--yes` on the command line. */
  yes: boolean;
  /** Whether a person can answer: stdin is a terminal. */
  interactive: boolean;
  ask: (question: string) => Promise<string>;
}

/** No `--yes` and no terminal on stdin to type "yes" on (a pipe, /dev/null, a CI job): refuse (exit 3). */
export function refuseWithoutConfirmation(): HubfleetError {
  return new HubfleetError({
    kind: 'refused',
    message: 'not applied: no terminal on stdin to confirm on, and no --yes; nothing was changed',
    hint: 'pass --yes to apply without asking (scripts, CI), or run it on a terminal and type "yes"',
  });
}

/**
 * Before `up` changes anything: refuse (exit 3) steps the flags do not allow, before asking anyone
 * (a "yes" must never lead to a refusal); then `--yes`, or a person types "yes" on the terminal.
 * Without either (stdin is not a terminal), it refuses: where stdout goes changes nothing.
 */
export async function confirmChanges(options: ConfirmChangesOptions): Promise<void> {
  assertStepsAllowed(options.steps, options.flags);
  if (options.yes) return;
  if (!options.interactive) throw refuseWithoutConfirmation();
  const answer = (await options.ask('Apply this plan? Type "yes" to go on: ')).trim().toLowerCase();
  if (answer !== 'yes' && answer !== 'y') {
    throw new HubfleetError({
      kind: 'refused',
      message: 'not applied: nothing was changed',
      hint: 'pass --yes to apply without asking',
    });
  }
}
