import { HubfleetError } from '@hubfleet/core';

/**
 * `--sim-*` flags only mean something with `--sim`: given alone they would be silently ignored and
 * the command would talk to the real cloud, so they are refused (exit 2) before anything runs.
 */
export function checkSimFlags(options: Record<string, unknown>): void {
  if (options.sim === true) return;
  const given = Object.keys(options).filter((key) => /^sim[A-Z]/.test(key) && options[key] !== undefined);
  const [first] = given;
  if (first === undefined) return;
  const flag = `--${first.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: 'applies only with --sim; without --sim this command would use the real cloud',
    hint: `add --sim to rehearse on the simulated cloud, or drop ${flag}`,
    subject: flag,
  });
}
