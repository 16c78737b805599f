import type { RestRoute } from '../../framework/rest-router.js';
import { type OpenStackOperation, openstackRoute } from '../shared/openstack-protocol.js';
import {
  createApplicationCredential,
  deleteApplicationCredential,
  listApplicationCredentials,
  showApplicationCredential,
} from './keystone-application-credentials.js';
import {
  checkToken,
  createToken,
  listVersions,
  revokeToken,
  showCatalog,
  showVersion,
  validateToken,
} from './keystone-auth-handlers.js';
import type { KeystoneContext } from './keystone-settings.js';

const route = openstackRoute<KeystoneContext>;
const CREDENTIALS = '/v3/users/{userId}/application_credentials';

/** The Identity v3 calls the fake serves (api-ref identity v3). */
export const KEYSTONE_ROUTES: readonly RestRoute<OpenStackOperation<KeystoneContext>>[] = [
  route('GET', '/', 'ListVersions', listVersions),
  route('GET', '/v3', 'ShowVersion', showVersion),
  // A token is a credential, not a resource of the project: reading with one changes nothing.
  route('POST', '/v3/auth/tokens', 'IssueToken', createToken, false),
  route('GET', '/v3/auth/tokens', 'ValidateToken', validateToken),
  route('HEAD', '/v3/auth/tokens', 'CheckToken', checkToken),
  route('DELETE', '/v3/auth/tokens', 'RevokeToken', revokeToken),
  route('GET', '/v3/auth/catalog', 'ShowCatalog', showCatalog),
  route('POST', CREDENTIALS, 'CreateApplicationCredential', createApplicationCredential),
  route('GET', CREDENTIALS, 'ListApplicationCredentials', listApplicationCredentials),
  route('GET', `${CREDENTIALS}/{credentialId}`, 'ShowApplicationCredential', showApplicationCredential),
  route(
    'DELETE',
    `${CREDENTIALS}/{credentialId}`,
    'DeleteApplicationCredential',
    deleteApplicationCredential,
  ),
];
