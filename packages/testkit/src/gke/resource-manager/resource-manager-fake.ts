import type { ServiceProtocol } from '../../framework/http-service.js';
import type { RestRoute } from '../../framework/rest-router.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol, type GoogleOperation, googleRoute } from '../google-protocol.js';
import {
  getProjectIamPolicy,
  type ResourceManagerContext,
  type ResourceManagerFakeOptions,
  setProjectIamPolicy,
} from './resource-manager-policy.js';
import { createResourceManagerState, type ResourceManagerState } from './resource-manager-state.js';

const PROJECT = '/v1/projects/{project}';

/** The Cloud Resource Manager v1 paths the fake serves: a project's IAM policy. */
export const RESOURCE_MANAGER_ROUTES: readonly RestRoute<GoogleOperation<ResourceManagerContext>>[] = [
  googleRoute(
    'POST',
    `${PROJECT}/:getIamPolicy`,
    'GetProjectIamPolicy',
    'resourcemanager.projects.getIamPolicy',
    getProjectIamPolicy,
    // A POST, as AIP-136 custom methods are, but only a read.
    { mutating: false },
  ),
  googleRoute(
    'POST',
    `${PROJECT}/:setIamPolicy`,
    'SetProjectIamPolicy',
    'resourcemanager.projects.setIamPolicy',
    setProjectIamPolicy,
  ),
];

export interface ResourceManagerFake {
  protocol: ServiceProtocol;
  state: ResourceManagerState;
}

export function createResourceManagerFake(options: ResourceManagerFakeOptions): ResourceManagerFake {
  const state = options.state ?? createResourceManagerState();
  const protocol = createGoogleProtocol({
    name: 'resourcemanager',
    domain: 'cloudresourcemanager.googleapis.com',
    routes: RESOURCE_MANAGER_ROUTES,
    context: () => ({ state, options }),
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.projects ? { projects: options.projects } : {}),
  });
  return { protocol, state };
}

export interface StartResourceManagerFakeOptions
  extends Omit<ResourceManagerFakeOptions, 'state'>,
    StartFakeOptions {}

/** Serves Cloud Resource Manager v1 on 127.0.0.1: `<url>/v1/projects/{project}:getIamPolicy` and `:setIamPolicy`. */
export async function startResourceManagerFake(
  options: StartResourceManagerFakeOptions,
): Promise<RunningFake<ResourceManagerState, ResourceManagerFake>> {
  return startFake(options, createResourceManagerState, (state) =>
    createResourceManagerFake({ ...options, state }),
  );
}
