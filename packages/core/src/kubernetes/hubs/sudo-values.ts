import type { HubConfig } from '../../config/hub.js';
import type { Values } from './deep-merge.js';

/** Sudo values and the warnings that come with them. */
export interface SudoValues {
  values: Values;
  warnings: string[];
}

/**
 * Sudo in the Jupyter docker-stacks images: the container starts as root (`uid: 0`), the image's
 * `start.sh` entrypoint adds the user to sudoers because of `GRANT_SUDO`, then drops to the user to
 * run `jupyterhub-singleuser`; sudo itself needs privilege escalation, which z2jh turns off by default.
 * Only when the hub asks for it, and always with a warning.
 */
export function sudoValues(hub: HubConfig): SudoValues {
  if (!hub.sudo) return { values: {}, warnings: [] };
  const warnings = [
    `hub ${hub.name}: sudo is on, so users are root in their containers (singleuser.uid 0, GRANT_SUDO, allowPrivilegeEscalation); they can install packages and also break their own server`,
  ];
  if (hub.gitPuller !== undefined) {
    warnings.push(
      `hub ${hub.name}: with sudo the gitPuller start hook runs as root, so the files it pulls are owned by root until the user runs sudo chown`,
    );
  }
  return {
    values: { singleuser: { uid: 0, allowPrivilegeEscalation: true, extraEnv: { GRANT_SUDO: 'yes' } } },
    warnings,
  };
}
