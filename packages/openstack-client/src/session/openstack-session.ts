import type { OpenStackCredentials } from '../auth/credentials.js';
import { createKeystoneTokenSource, type TokenSource } from '../auth/keystone-token-source.js';
import { selectEndpoint } from '../catalog/service-catalog.js';
import type { OpenStackServiceType } from '../errors/openstack-error.js';
import { createHttpTransport, type HttpSettings, type HttpTransport } from '../http/http-transport.js';
import { chooseMicroversion, requireMicroversion } from '../microversions/microversion.js';
import { MICROVERSION_SERVICES } from '../microversions/microversion-services.js';
import { parseVersionDocument, versionDocumentUrl } from '../microversions/version-document.js';
import { connectionFailure, responseError } from './call-failure.js';
import { ServiceClient } from './service-client.js';

export interface OpenStackSessionOptions {
  credentials: OpenStackCredentials;
  http?: HttpSettings;
  /** See TokenSourceOptions.renewalMarginMs. */
  tokenRenewalMarginMs?: number;
  /** Cap a service's microversion lower than the client's own maximum (e.g. to test old-cloud paths). */
  microversionCaps?: Partial<Record<OpenStackServiceType, string>>;
}

/** One authenticated connection to an OpenStack cloud, from which each service's client is taken. */
export interface OpenStackSession {
  readonly credentials: OpenStackCredentials;
  readonly tokens: TokenSource;
  readonly transport: HttpTransport;
  /** The service's client: catalog endpoint resolved and microversion negotiated, both once. */
  service(type: OpenStackServiceType): Promise<ServiceClient>;
  /** The project the token is scoped to (application credentials carry theirs). */
  projectId(): Promise<string | undefined>;
}

export function createOpenStackSession(options: OpenStackSessionOptions): OpenStackSession {
  const transport = createHttpTransport(options.http);
  const tokens = createKeystoneTokenSource({
    auth: options.credentials.auth,
    transport,
    ...(options.tokenRenewalMarginMs === undefined ? {} : { renewalMarginMs: options.tokenRenewalMarginMs }),
  });
  const clients = new Map<OpenStackServiceType, Promise<ServiceClient>>();

  async function negotiate(type: OpenStackServiceType, endpoint: string) {
    const known = MICROVERSION_SERVICES[type];
    const document = versionDocumentUrl(endpoint);
    if (!known || !document) return undefined;
    const token = await tokens.current();
    const site = { service: type, method: 'GET', path: new URL(document.url).pathname };
    let answer: Awaited<ReturnType<HttpTransport['send']>>;
    try {
      answer = await transport.send({
        method: 'GET',
        url: document.url,
        headers: { accept: 'application/json', 'x-auth-token': token.value },
      });
    } catch (error) {
      connectionFailure(site, error);
    }
    // A cloud that is down must not pass for one without microversions: calls would go out at the minimum.
    if (answer.status >= 500) throw responseError(site, answer);
    if (answer.status >= 400) return undefined;
    const server = parseVersionDocument(answer.headers, answer.text, document.major);
    if (!server) return undefined;
    const cap = options.microversionCaps?.[type] ?? known.wanted;
    return { header: known.header, chosen: chooseMicroversion(server, requireMicroversion(cap)), server };
  }

  async function connect(type: OpenStackServiceType): Promise<ServiceClient> {
    const token = await tokens.current();
    const endpoint = selectEndpoint(token.catalog, {
      service: type,
      ...(options.credentials.interface ? { interface: options.credentials.interface } : {}),
      ...(options.credentials.regionName ? { region: options.credentials.regionName } : {}),
    });
    const microversion = await negotiate(type, endpoint);
    return new ServiceClient({
      service: type,
      endpoint,
      tokens,
      transport,
      ...(microversion ? { microversion } : {}),
    });
  }

  return {
    credentials: options.credentials,
    tokens,
    transport,
    service(type) {
      let client = clients.get(type);
      if (!client) {
        client = connect(type);
        // A failed connect (catalog, network) is not remembered: the next call tries again.
        client.catch(() => clients.delete(type));
        clients.set(type, client);
      }
      return client;
    },
    projectId: async () => (await tokens.current()).projectId,
  };
}
