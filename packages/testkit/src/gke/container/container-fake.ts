import type { ServiceProtocol } from '../../framework/http-service.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol } from '../google-protocol.js';
import { settleContainer } from './container-operations.js';
import { CONTAINER_ROUTES } from './container-routes.js';
import {
  type ContainerFakeOptions,
  type ContainerSettings,
  containerContext,
  resolveContainerSettings,
} from './container-settings.js';
import { type ContainerState, createContainerState, type OperationFailure } from './container-state.js';

export interface ContainerFake {
  protocol: ServiceProtocol;
  state: ContainerState;
  settings: ContainerSettings;
  /** Apply what the clock says has finished (the fake also does before every request). */
  settle(): void;
  /** The next operation of this type ends DONE with `error` carrying `message`. */
  failNextOperation(failure: OperationFailure): void;
}

/** GKE's container v1 REST API over `state`. */
export function createContainerFake(options: ContainerFakeOptions): ContainerFake {
  const settings = resolveContainerSettings(options);
  const state = options.state ?? createContainerState();
  const settle = () => settleContainer(state, settings.clock.now());
  const protocol = createGoogleProtocol({
    name: 'container',
    domain: 'container.googleapis.com',
    routes: CONTAINER_ROUTES,
    context: () => {
      settle();
      return containerContext(state, settings);
    },
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.projects ? { projects: options.projects } : {}),
  });
  return {
    protocol,
    state,
    settings,
    settle,
    failNextOperation: (failure) => {
      state.failures.push({ ...failure });
    },
  };
}

export interface StartContainerFakeOptions extends Omit<ContainerFakeOptions, 'state'>, StartFakeOptions {}

/**
 * Serves the GKE fake on 127.0.0.1. Point `new ClusterManagerClient({ fallback: true, protocol:
 * 'http', apiEndpoint: '127.0.0.1', port, authClient })` at it.
 */
export async function startContainerFake(
  options: StartContainerFakeOptions,
): Promise<RunningFake<ContainerState, ContainerFake>> {
  return startFake(options, createContainerState, (state) => createContainerFake({ ...options, state }));
}
