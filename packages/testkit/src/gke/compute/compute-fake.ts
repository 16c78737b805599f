import type { ServiceProtocol } from '../../framework/http-service.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol } from '../google-protocol.js';
import { attachDisk, detachDisk } from './compute-disks.js';
import { COMPUTE_ROUTES } from './compute-routes.js';
import { type ComputeFakeOptions, computeContext } from './compute-settings.js';
import { settleCompute } from './compute-settle.js';
import { type ComputeState, createComputeState } from './compute-state.js';

export interface ComputeFake {
  protocol: ServiceProtocol;
  state: ComputeState;
  settle(): void;
  /** Attach a disk to an instance (what the PD CSI driver does when a pod mounts it). */
  attachDisk(project: string, zone: string, disk: string, instance: string): void;
  detachDisk(project: string, zone: string, disk: string, instance: string): void;
}

/** Compute Engine v1 (disks, snapshots, regional addresses, machine types, operations) over `state`. */
export function createComputeFake(options: ComputeFakeOptions): ComputeFake {
  const state = options.state ?? createComputeState();
  const settle = () => settleCompute(state, options.clock.now());
  const protocol = createGoogleProtocol({
    name: 'compute',
    domain: 'compute.googleapis.com',
    routes: COMPUTE_ROUTES,
    context: () => {
      settle();
      return computeContext(state, options);
    },
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.projects ? { projects: options.projects } : {}),
  });
  return {
    protocol,
    state,
    settle,
    attachDisk: (...args) => attachDisk(state, ...args),
    detachDisk: (...args) => detachDisk(state, ...args),
  };
}

export interface StartComputeFakeOptions extends Omit<ComputeFakeOptions, 'state'>, StartFakeOptions {}

/** Serves Compute Engine on 127.0.0.1: `new DisksClient({ protocol: 'http', apiEndpoint: '127.0.0.1', port, authClient })`. */
export async function startComputeFake(
  options: StartComputeFakeOptions,
): Promise<RunningFake<ComputeState, ComputeFake>> {
  return startFake(options, createComputeState, (state) => createComputeFake({ ...options, state }));
}
