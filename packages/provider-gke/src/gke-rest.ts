import type { GoogleRestService } from './gke-clients.js';
import type { GkeDeployment } from './gke-deployment.js';

/** One call to a Google REST API, relative to its base (`/storage/v1/b/…`, `/v1/projects/…`). */
export interface GoogleRestCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Readonly<Record<string, string>>;
  /** A JSON body. */
  body?: unknown;
  /** Raw content instead (a media upload), with its content type. */
  media?: { contentType: string; data: string };
  /** Read the answer as text (a media download) instead of JSON. */
  text?: boolean;
}

export interface GoogleRestAnswer<Result> {
  data: Result;
  headers: Headers;
}

/**
 * Cloud Storage's JSON API and IAM, called as authorized requests of the session's google-auth-library
 * client: it adds (and refreshes) the access token. `@google-cloud/storage` 8 needs Node 22 and 7
 * brings google-auth-library 9 beside ours with its own retries, and IAM has no REST client library:
 * these few calls are plain JSON. Errors arrive as GaxiosErrors carrying Google's error body, which
 * `gke.call` maps; its backoff retries the transient ones (gaxios itself retries nothing here).
 */
export async function googleRest<Result>(
  gke: GkeDeployment,
  service: GoogleRestService,
  operation: string,
  subject: string,
  call: GoogleRestCall,
): Promise<GoogleRestAnswer<Result>> {
  const url = new URL(`${gke.clients.rest[service]}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  return gke.call(operation, subject, async () => {
    const response = await gke.clients.auth.request<Result>({
      url: url.toString(),
      method: call.method,
      ...(call.media !== undefined
        ? { data: call.media.data, headers: { 'content-type': call.media.contentType } }
        : call.body === undefined
          ? {}
          : { data: call.body }),
      ...(call.text === true ? { responseType: 'text' as const } : {}),
      ...(gke.backoff.signal === undefined ? {} : { signal: gke.backoff.signal }),
    });
    return { data: response.data, headers: response.headers };
  });
}

/** `encodeURIComponent` for a path segment (an object name's `/` becomes `%2F`, as GCS wants). */
export const segment = (value: string) => encodeURIComponent(value);
