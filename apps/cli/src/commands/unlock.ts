import { ExitCode, HubfleetError } from '@hubfleet/core';
import { describeHolder } from '@hubfleet/core/deployment';
import { type CloudCommandOptions, openDeployment } from '../deploy/open-deployment.js';
import { askOnTerminal, canAsk } from '../safety/ask.js';

export interface UnlockOptions extends CloudCommandOptions {
  yes?: boolean;
}

function refuse(message: string, hint: string): HubfleetError {
  return new HubfleetError({ kind: 'refused', message, hint });
}

/**
 * Break the deployment's lock on purpose, after its holder died on a machine this one cannot see
 * (a stale lock is taken over by the next run anyway once it expires). It shows the holder and
 * deletes only that very lock: a person types the deployment's name, or the command carries `--yes`.
 */
export async function unlockCommand(options: UnlockOptions): Promise<number> {
  const open = await openDeployment(options);
  try {
    const lock = open.session.lock;
    const name = open.config.name;
    if (lock === undefined) {
      throw refuse(
        `the ${open.provider.displayName} provider keeps no deployment lock: there is nothing to unlock`,
        'no run on this deployment is locked out by hubfleet; see docs/architecture.md (deployment lock)',
      );
    }
    const record = await lock.read();
    if (record === undefined) {
      process.stderr.write(`"${name}" is not locked\n`);
      return ExitCode.ok;
    }
    process.stderr.write(`"${name}" is locked by ${describeHolder(record.holder, new Date())}\n`);
    if (options.yes !== true) {
      if (!canAsk()) {
        throw refuse(
          'not unlocked: no terminal on stdin to confirm on, and no --yes',
          'pass --yes to break the lock',
        );
      }
      const answer = (
        await askOnTerminal(
          `Breaking it lets another run change "${name}" while that one may still be running. Type its name to confirm: `,
        )
      ).trim();
      if (answer !== name)
        throw refuse(
          `"${answer}" is not "${name}"; the lock was left as it is`,
          'type the deployment name exactly',
        );
    }
    if (!(await lock.delete(record.version))) {
      throw refuse(
        'the lock changed while you were deciding (its holder renewed it, or another run took it): left as it is',
        'run `hubfleet unlock` again to see who holds it now',
      );
    }
    process.stderr.write(`unlocked "${name}"\n`);
    return ExitCode.ok;
  } finally {
    await open.close();
  }
}
