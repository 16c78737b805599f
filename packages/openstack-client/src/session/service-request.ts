/** One call to a service, relative to its endpoint. */
export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Relative to the service endpoint, e.g. `/clusters/abc`; ids in it must already be encoded. */
  path: string;
  query?: Readonly<Record<string, string | number | boolean | undefined>> | URLSearchParams;
  /** Sent as JSON. */
  body?: unknown;
  /** The resource the call is about, for errors: e.g. `cluster/hub-prod`. */
  subject?: string;
  /** Send this microversion instead of the negotiated one. */
  microversion?: string;
  /** @default 'application/json' (Magnum's PATCH wants JSON-patch as `application/json` too) */
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

export interface ServiceResponse<Body> {
  status: number;
  headers: Headers;
  /** The parsed JSON body; `undefined` for an empty one (204, 202 without body). */
  body: Body;
  requestId: string | undefined;
}

/** `path` joined to `endpoint`, with the query (undefined values left out). */
export function serviceUrl(endpoint: string, path: string, query?: ServiceRequest['query']): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`);
  if (query instanceof URLSearchParams) {
    for (const [key, value] of query) url.searchParams.append(key, value);
  } else if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

/** Path segment encoding for names and ids put into a path. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
