import { HubfleetError, type PlanStep, type SafetyFlags } from '@hubfleet/core';
import { assertStepsAllowed } from '@hubfleet/core/engine';

export interface ConfirmChangesOptions {
  steps: readonly PlanStep[];
  flags: SafetyFlags;
  /** `--yes` on the command line. */
  yes: boolean;
  /** Whether a person can answer: stdin and stderr are terminals. */
  interactive: boolean;
  ask: (question: string) => Promise<string>;
}

/**
 * Before `up` changes anything: refuse (exit 3) steps the flags do not allow, before asking anyone
 * (a "yes" must never lead to a refusal); then, on a terminal without `--yes`, a person says yes.
 */
export async function confirmChanges(options: ConfirmChangesOptions): Promise<void> {
  assertStepsAllowed(options.steps, options.flags);
  if (options.yes || !options.interactive) return;
  const answer = (await options.ask('Apply this plan? Type "yes" to go on: ')).trim().toLowerCase();
  if (answer !== 'yes' && answer !== 'y') {
    throw new HubfleetError({
      kind: 'refused',
      message: 'not applied: nothing was changed',
      hint: 'pass --yes to apply without asking',
    });
  }
}
