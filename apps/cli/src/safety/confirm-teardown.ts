import { HubfleetError } from '@hubfleet/core';

export interface ConfirmTeardownOptions {
  deployment: string;
  /** `--yes` on the command line. */
  yes: boolean;
  /** Whether a person can answer: stdin and stderr are terminals. */
  interactive: boolean;
  /** Ask the question and return the typed answer. */
  ask: (question: string) => Promise<string>;
}

/**
 * `down` destroys a cluster: a person must type the deployment's name, or the command must carry
 * `--yes`. With no terminal and no `--yes` (a CI job, a cron), it refuses rather than guessing.
 */
export async function confirmTeardown(options: ConfirmTeardownOptions): Promise<void> {
  if (options.yes) return;
  if (!options.interactive) {
    throw new HubfleetError({
      kind: 'refused',
      message: `refusing to tear down "${options.deployment}" without confirmation: no terminal to ask on`,
      hint: 'add --yes to confirm in scripts and CI',
    });
  }
  const answer = (
    await options.ask(`This deletes the cluster of "${options.deployment}". Type its name to confirm: `)
  ).trim();
  if (answer !== options.deployment) {
    throw new HubfleetError({
      kind: 'refused',
      message: `"${answer}" is not "${options.deployment}"; nothing was deleted`,
      hint: 'type the deployment name exactly, or pass --yes',
    });
  }
}
