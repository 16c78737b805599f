import { applyTransition } from '../../framework/lifecycle.js';
import type { OctaviaSettings } from './octavia-settings.js';
import type { OctaviaState } from './octavia-state.js';

/** Due transitions; a finished load balancer delete takes its children and its VIP port with it. */
export function settleOctavia(state: OctaviaState, settings: OctaviaSettings, now: number): void {
  for (const table of [state.listeners, state.pools] as const)
    for (const [id, record] of Object.entries(table)) if (applyTransition(record, now)) delete table[id];
  for (const [id, lb] of Object.entries(state.loadBalancers)) {
    if (!applyTransition(lb, now)) continue;
    for (const table of [state.listeners, state.pools] as const)
      for (const [childId, child] of Object.entries(table))
        if (child.loadbalancerId === id) delete table[childId];
    settings.ports?.release(id);
    delete state.loadBalancers[id];
  }
}
