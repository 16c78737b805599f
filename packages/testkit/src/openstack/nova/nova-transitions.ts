import type { NovaSettings } from './nova-settings.js';
import type { NovaState } from './nova-state.js';

/**
 * Applies every due build and delete; a finished delete removes the server. A due build whose
 * machine is not ready (`settings.machineReady`) stays in BUILD.
 */
export function settleNova(state: NovaState, settings: NovaSettings, now: number): void {
  for (const [id, server] of Object.entries(state.servers)) {
    const transition = server.transition;
    if (!transition || transition.at > now) continue;
    // The machine is not up yet: the server stays in BUILD until it is.
    if (transition.to === 'ACTIVE' && settings.machineReady && !settings.machineReady(server)) continue;
    server.transition = undefined;
    if (transition.to === null) {
      delete state.servers[id];
      continue;
    }
    server.status = transition.to;
    server.taskState = null;
    server.updated = transition.at;
    if (transition.to === 'ACTIVE') server.launchedAt = transition.at;
    if (transition.to === 'ERROR') settings.ports?.release(id);
  }
}
