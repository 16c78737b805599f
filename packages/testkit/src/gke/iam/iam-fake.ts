import type { ServiceProtocol } from '../../framework/http-service.js';
import type { RestRoute } from '../../framework/rest-router.js';
import { type RunningFake, type StartFakeOptions, startFake } from '../../framework/start-fake.js';
import { createGoogleProtocol, type GoogleOperation, googleRoute } from '../google-protocol.js';
import {
  createServiceAccount,
  deleteServiceAccount,
  getServiceAccount,
  getServiceAccountIamPolicy,
  type IamContext,
  type IamFakeOptions,
  setServiceAccountIamPolicy,
} from './iam-service-accounts.js';
import { createIamState, type IamState } from './iam-state.js';

const ACCOUNTS = '/v1/projects/{project}/serviceAccounts';
const ACCOUNT = `${ACCOUNTS}/{account}`;

/** The IAM v1 REST paths the fake serves: service accounts and their IAM policies. */
export const IAM_ROUTES: readonly RestRoute<GoogleOperation<IamContext>>[] = [
  googleRoute('POST', ACCOUNTS, 'CreateServiceAccount', 'iam.serviceAccounts.create', createServiceAccount),
  googleRoute('GET', ACCOUNT, 'GetServiceAccount', 'iam.serviceAccounts.get', getServiceAccount),
  googleRoute('DELETE', ACCOUNT, 'DeleteServiceAccount', 'iam.serviceAccounts.delete', deleteServiceAccount),
  googleRoute(
    'POST',
    `${ACCOUNT}/:getIamPolicy`,
    'GetServiceAccountIamPolicy',
    'iam.serviceAccounts.getIamPolicy',
    getServiceAccountIamPolicy,
  ),
  googleRoute(
    'POST',
    `${ACCOUNT}/:setIamPolicy`,
    'SetServiceAccountIamPolicy',
    'iam.serviceAccounts.setIamPolicy',
    setServiceAccountIamPolicy,
  ),
];

export interface IamFake {
  protocol: ServiceProtocol;
  state: IamState;
}

export function createIamFake(options: IamFakeOptions): IamFake {
  const state = options.state ?? createIamState();
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

export interface StartIamFakeOptions extends Omit<IamFakeOptions, 'state'>, StartFakeOptions {}

/** Serves IAM on 127.0.0.1: requests to `<url>/v1/projects/…/serviceAccounts…`. */
export async function startIamFake(options: StartIamFakeOptions): Promise<RunningFake<IamState, IamFake>> {
  return startFake(options, createIamState, (state) => createIamFake({ ...options, state }));
}
