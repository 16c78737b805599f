import type { HubConfig } from '../../config/hub.js';
import { durationToMs } from '../../config/primitives.js';
import type { Values } from './deep-merge.js';

/** z2jh's default interval between jupyterhub-idle-culler runs. */
const DEFAULT_CULL_EVERY_SECONDS = 600;
const MIN_CULL_EVERY_SECONDS = 60;

function seconds(duration: string): number {
  return Math.round(durationToMs(duration) / 1000);
}

/**
 * jupyterhub-idle-culler: stop servers idle for `idleTimeout` and, when set, any server older than
 * `maxAge`. It runs every 10 minutes, or every half timeout for short timeouts, so a server is stopped
 * at most 50% late.
 */
export function cullingValues(hub: HubConfig): Values {
  const timeout = seconds(hub.culling.idleTimeout);
  const every = Math.min(
    DEFAULT_CULL_EVERY_SECONDS,
    Math.max(MIN_CULL_EVERY_SECONDS, Math.round(timeout / 2)),
  );
  return {
    cull: {
      enabled: true,
      timeout,
      every,
      maxAge: hub.culling.maxAge === undefined ? 0 : seconds(hub.culling.maxAge),
    },
  };
}
