import { classifyConnectionError, describeConnectionError, isIdempotentMethod } from './connection-errors.js';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.js';

/** How the client talks HTTP; every member has a production default, tests inject their own. */
export interface HttpSettings {
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Waits between retries; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): picks the jittered backoff. */
  random?: () => number;
  /** Per try. @default 120000 */
  timeoutMs?: number;
  /** @default 'hubfleet' */
  userAgent?: string;
  now?: () => number;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Whether a dropped connection may be replayed. @default true except for POST and PATCH.
   * Token requests set it: issuing a second token is harmless.
   */
  replayable?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** `x-openstack-request-id`, else `x-compute-request-id`. */
  requestId: string | undefined;
}

/** No HTTP answer after every allowed try. The caller maps it to an `unavailable` error. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
  readonly settings: Required<Omit<HttpSettings, 'retry'>> & { retry: RetryPolicy };
}

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-openstack-request-id') ?? headers.get('x-compute-request-id') ?? undefined;
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The HTTP core: one request, retried with bounded jittered backoff on 5xx, 429 and dropped
 * connections (a POST only when the connection was refused, so a create is never sent twice).
 */
export function createHttpTransport(options: HttpSettings = {}): HttpTransport {
  const settings = {
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? sleepReal,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? 120_000,
    userAgent: options.userAgent ?? 'hubfleet',
    now: options.now ?? Date.now,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
  };
  async function once(request: HttpRequest): Promise<HttpResponse> {
    const response = await settings.fetch(request.url, {
      method: request.method,
      headers: { 'user-agent': settings.userAgent, ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      requestId: requestIdOf(response.headers),
    };
  }
  async function send(request: HttpRequest): Promise<HttpResponse> {
    const { attempts } = settings.retry;
    for (let attempt = 1; ; attempt += 1) {
      let retryAfterMs: number | undefined;
      try {
        const response = await once(request);
        if (!isRetryableStatus(response.status) || attempt >= attempts) return response;
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), settings.now());
      } catch (error) {
        const failure = classifyConnectionError(error);
        const replayable =
          failure === 'refused' || (request.replayable ?? isIdempotentMethod(request.method));
        if (!replayable || attempt >= attempts) {
          const why = replayable
            ? `after ${attempt} tries`
            : 'and was not replayed: the cloud may have acted on it';
          throw new ConnectionError(
            `${request.method} ${new URL(request.url).pathname} got no answer (${describeConnectionError(error)}) ${why}`,
            attempt,
          );
        }
      }
      await settings.sleep(backoffDelay(settings.retry, attempt - 1, settings.random, retryAfterMs));
    }
  }
  return { send, settings };
}
