import type { ServiceProtocol } from '../../framework/http-service.js';
import type { RestRoute } from '../../framework/rest-router.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol, type GoogleOperation, googleRoute } from '../google-protocol.js';
import {
  createServiceAccount,
  deleteServiceAccount,
  type GoogleIamContext,
  type GoogleIamFakeOptions,
  getServiceAccount,
  getServiceAccountIamPolicy,
  setServiceAccountIamPolicy,
} from './iam-service-accounts.js';
import { createGoogleIamState, type GoogleIamState } from './iam-state.js';

const ACCOUNTS = '/v1/projects/{project}/serviceAccounts';
const ACCOUNT = `${ACCOUNTS}/{account}`;

/** The IAM v1 REST paths the fake serves: service accounts and their IAM policies. */
export const IAM_ROUTES: readonly RestRoute<GoogleOperation<GoogleIamContext>>[] = [
  googleRoute('POST', ACCOUNTS, 'CreateServiceAccount', 'iam.serviceAccounts.create', createServiceAccount),
  googleRoute('GET', ACCOUNT, 'GetServiceAccount', 'iam.serviceAccounts.get', getServiceAccount),
  googleRoute('DELETE', ACCOUNT, 'DeleteServiceAccount', 'iam.serviceAccounts.delete', deleteServiceAccount),
  googleRoute(
    'POST',
    `${ACCOUNT}/:getIamPolicy`,
    'GetServiceAccountIamPolicy',
    'iam.serviceAccounts.getIamPolicy',
    getServiceAccountIamPolicy,
    // A POST, as AIP-136 custom methods are, but only a read.
    { mutating: false },
  ),
  googleRoute(
    'POST',
    `${ACCOUNT}/:setIamPolicy`,
    'SetServiceAccountIamPolicy',
    'iam.serviceAccounts.setIamPolicy',
    setServiceAccountIamPolicy,
  ),
];

export interface GoogleIamFake {
  protocol: ServiceProtocol;
  state: GoogleIamState;
}

export function createGoogleIamFake(options: GoogleIamFakeOptions): GoogleIamFake {
  const state = options.state ?? createGoogleIamState();
  const protocol = createGoogleProtocol({
    name: 'iam',
    domain: 'iam.googleapis.com',
    routes: IAM_ROUTES,
    context: () => ({ state, options }),
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
    ...(options.projects ? { projects: options.projects } : {}),
  });
  return { protocol, state };
}

export interface GoogleStartIamFakeOptions extends Omit<GoogleIamFakeOptions, 'state'>, StartFakeOptions {}

/** Serves IAM on 127.0.0.1: requests to `<url>/v1/projects/…/serviceAccounts…`. */
export async function startGoogleIamFake(
  options: GoogleStartIamFakeOptions,
): Promise<RunningFake<GoogleIamState, GoogleIamFake>> {
  return startFake(options, createGoogleIamState, (state) => createGoogleIamFake({ ...options, state }));
}
