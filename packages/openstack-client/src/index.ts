// The OpenStack client's public surface: an allow-list. Service modules export their own calls.
export type {
  ApplicationCredentials,
  EndpointInterface,
  OpenStackAuth,
  OpenStackCredentials,
  PasswordCredentials,
  UserReference,
} from './auth/credentials.js';
export { describeAuth } from './auth/credentials.js';
export type { TokenSource, TokenSourceOptions } from './auth/keystone-token-source.js';
export { createKeystoneTokenSource } from './auth/keystone-token-source.js';
export type { Token } from './auth/token.js';
export type { CatalogEndpoint, CatalogService } from './catalog/catalog-types.js';
export type { EndpointQuery } from './catalog/service-catalog.js';
export { selectEndpoint } from './catalog/service-catalog.js';
export * from './cinder/index.js';
export * from './compute/index.js';
export { credentialsFromCloudsYaml } from './config/clouds-yaml.js';
export type { LoadCredentialsOptions } from './config/load-credentials.js';
export { loadOpenStackCredentials } from './config/load-credentials.js';
export { credentialsFromEnv } from './config/openrc-env.js';
export type { ErrorBody } from './errors/error-body.js';
export { parseErrorBody } from './errors/error-body.js';
export type { FailedCall } from './errors/map-error.js';
export { mapOpenStackError } from './errors/map-error.js';
export type { OpenStackErrorDetails, OpenStackServiceType } from './errors/openstack-error.js';
export { isOpenStackStatus, OpenStackError } from './errors/openstack-error.js';
export type { HttpRequest, HttpResponse, HttpSettings, HttpTransport } from './http/http-transport.js';
export { ConnectionError, createHttpTransport } from './http/http-transport.js';
export type { RetryPolicy } from './http/retry-policy.js';
export { DEFAULT_RETRY_POLICY } from './http/retry-policy.js';
export * from './image/index.js';
export * from './load-balancer/index.js';
export * from './magnum/index.js';
export type { Microversion, MicroversionRange } from './microversions/microversion.js';
export { compareMicroversions, formatMicroversion, parseMicroversion } from './microversions/microversion.js';
export { MICROVERSION_SERVICES } from './microversions/microversion-services.js';
export * from './network/index.js';
export type { OpenStackSession, OpenStackSessionOptions } from './session/openstack-session.js';
export { createOpenStackSession } from './session/openstack-session.js';
export { ServiceClient } from './session/service-client.js';
export type { ServiceRequest, ServiceResponse } from './session/service-request.js';
export { segment } from './session/service-request.js';
