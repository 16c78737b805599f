import type { TokenSource } from '../auth/keystone-token-source.js';
import type { Token } from '../auth/token.js';
import { OpenStackError, type OpenStackServiceType } from '../errors/openstack-error.js';
import type { HttpResponse, HttpTransport } from '../http/http-transport.js';
import {
  compareMicroversions,
  formatMicroversion,
  type Microversion,
  type MicroversionRange,
  requireMicroversion,
} from '../microversions/microversion.js';
import { type CallSite, connectionFailure, responseError } from './call-failure.js';
import { nextPageQuery } from './pagination.js';
import { type ServiceRequest, type ServiceResponse, serviceUrl } from './service-request.js';

export interface ServiceClientOptions {
  service: OpenStackServiceType;
  endpoint: string;
  tokens: TokenSource;
  transport: HttpTransport;
  /** The header name and chosen version, when the service negotiates microversions. */
  microversion?: { header: string; chosen: Microversion; server: MicroversionRange };
}

/**
 * One service's endpoint with a token: JSON calls that re-authenticate once on a 401 and replay,
 * with the negotiated microversion, mapped errors, and pagination.
 */
export class ServiceClient {
  readonly service: OpenStackServiceType;
  readonly endpoint: string;
  readonly #tokens: TokenSource;
  readonly #transport: HttpTransport;
  readonly #microversion: ServiceClientOptions['microversion'];

  constructor(options: ServiceClientOptions) {
    this.service = options.service;
    this.endpoint = options.endpoint;
    this.#tokens = options.tokens;
    this.#transport = options.transport;
    this.#microversion = options.microversion;
  }

  /** The microversion calls send (negotiated: the server's maximum, capped at the client's). */
  get microversion(): string | undefined {
    return this.#microversion ? formatMicroversion(this.#microversion.chosen) : undefined;
  }

  /** The server's range, e.g. `{min: '1.1', max: '1.14'}`; undefined for a service without microversions. */
  get serverMicroversions(): { min: string; max: string } | undefined {
    const range = this.#microversion?.server;
    return range ? { min: formatMicroversion(range.min), max: formatMicroversion(range.max) } : undefined;
  }

  /** Whether calls are made at `version` or later, e.g. `supports('1.14')` for nodegroup labels. */
  supports(version: string): boolean {
    const chosen = this.#microversion?.chosen;
    return chosen !== undefined && compareMicroversions(chosen, requireMicroversion(version)) >= 0;
  }

  async request<Body = unknown>(request: ServiceRequest): Promise<ServiceResponse<Body>> {
    const site: CallSite = {
      service: this.service,
      method: request.method,
      path: request.path,
      ...(request.subject === undefined ? {} : { subject: request.subject }),
    };
    let token = await this.#tokens.current();
    let response = await this.#send(request, token, site);
    if (response.status === 401) {
      // The token may have been revoked or expired early: one new token, one replay.
      token = await this.#tokens.renew(token);
      response = await this.#send(request, token, site);
    }
    if (response.status >= 400) throw responseError(site, response);
    return {
      status: response.status,
      headers: response.headers,
      body: parseBody(response, site) as Body,
      requestId: response.requestId,
    };
  }

  /** Every item of a paginated list: `GET path` and its next pages, items under `key`. */
  async listAll<Item>(
    path: string,
    key: string,
    query?: ServiceRequest['query'],
    subject?: string,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let pageQuery: ServiceRequest['query'] = query;
    for (let page = 0; page < 10_000; page += 1) {
      const response = await this.request<Record<string, unknown>>({
        method: 'GET',
        path,
        ...(pageQuery === undefined ? {} : { query: pageQuery }),
        ...(subject === undefined ? {} : { subject }),
      });
      const found = response.body?.[key];
      if (!Array.isArray(found)) return items;
      items.push(...(found as Item[]));
      const next = nextPageQuery(response.body, key);
      if (!next || found.length === 0) return items;
      pageQuery = next;
    }
    return items;
  }

  async #send(request: ServiceRequest, token: Token, site: CallSite): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-auth-token': token.value,
      ...this.#versionHeaders(request.microversion),
      ...request.headers,
    };
    if (request.body !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
    try {
      return await this.#transport.send({
        method: request.method,
        url: serviceUrl(this.endpoint, request.path, request.query),
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
    } catch (error) {
      connectionFailure(site, error);
    }
  }

  #versionHeaders(override: string | undefined): Record<string, string> {
    const negotiated = this.#microversion;
    if (!negotiated) return {};
    const version = override ?? formatMicroversion(negotiated.chosen);
    const headers: Record<string, string> = { 'openstack-api-version': `${negotiated.header} ${version}` };
    // Nova before 2.27 only reads its legacy header.
    if (this.service === 'compute') headers['x-openstack-nova-api-version'] = version;
    return headers;
  }
}

function parseBody(response: HttpResponse, site: CallSite): unknown {
  if (response.text.trim() === '') return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    throw new OpenStackError({
      kind: 'unavailable',
      message: `${site.method} ${site.path} answered ${response.status} with a body that is not JSON`,
      hint: 'A proxy in front of the cloud may have answered; try again, and check the endpoint URLs in the catalog.',
      service: site.service,
      status: response.status,
      code: undefined,
      requestId: response.requestId,
      ...(site.subject === undefined ? {} : { subject: site.subject }),
    });
  }
}
