import { backoffDelayMs, type RetryPolicy } from '../../engine/retry.js';
import { HubfleetError, type HubfleetErrorKind } from '../../errors/index.js';
import type { KubeRequest, KubeResponse, KubeTransport } from './kube-transport.js';

/** How hard one API call tries before its error reaches the engine (which retries the whole step). */
export interface KubeRetryOptions {
  /** Tries in all. @default 4 */
  attempts?: number;
  /** The ceiling of the first delay; doubled each retry, with full jitter. @default 200 */
  baseDelayMs?: number;
  /** @default 2000 */
  maxDelayMs?: number;
}

/** Calls the API: transient failures retried, errors mapped to `HubfleetError`, 404 left to the caller. */
export type KubeCall = (request: KubeRequest, subject: string) => Promise<KubeResponse>;

function statusMessage(response: KubeResponse): string {
  const body = response.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
}

function transient(status: number): boolean {
  return status === 429 || status >= 500;
}

const KIND_BY_STATUS: Readonly<Record<number, HubfleetErrorKind>> = {
  400: 'invalid-config',
  401: 'permission',
  403: 'permission',
  409: 'conflict',
  422: 'invalid-config',
  429: 'throttled',
};

const HINT_BY_KIND: Partial<Record<HubfleetErrorKind, string>> = {
  permission:
    "the cluster refused hubfleet's credentials: check that the identity running hubfleet is a cluster admin",
  'invalid-config':
    'the API server refused the object; if it comes from extraValues or a tool setting, fix that, otherwise report it as a hubfleet bug',
  conflict: 'someone else changed the object at the same time; run the command again',
};

/** The `HubfleetError` for an answer that is neither success nor "not found". */
export function kubeError(request: KubeRequest, response: KubeResponse, subject: string): HubfleetError {
  const kind = KIND_BY_STATUS[response.status] ?? (response.status >= 500 ? 'unavailable' : 'internal');
  const hint = HINT_BY_KIND[kind];
  return new HubfleetError({
    kind,
    message: `the Kubernetes API refused ${request.method} ${request.path}: ${statusMessage(response)}`,
    ...(hint === undefined ? {} : { hint }),
    ...(kind === 'conflict' ? { retryable: true } : {}),
    subject,
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls through `transport`, trying again after throttling, 5xx and dropped connections (as the
 * Kubernetes clients do), honouring `Retry-After`. Success and 404 are returned; anything else
 * becomes a `HubfleetError` naming the request.
 */
export function createKubeCall(transport: KubeTransport, options: KubeRetryOptions = {}): KubeCall {
  const policy: RetryPolicy = {
    maxAttempts: options.attempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 2_000,
  };
  const ceiling = policy.maxDelayMs;
  return async (request, subject) => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      const delay = backoffDelayMs(attempt, policy, Math.random);
      let response: KubeResponse;
      try {
        response = await transport(request);
      } catch (error) {
        if (last) throw error;
        await pause(delay);
        continue;
      }
      if (response.status < 300 || response.status === 404) return response;
      if (!transient(response.status) || last) throw kubeError(request, response, subject);
      const asked = (response.retryAfterSeconds ?? 0) * 1000;
      await pause(Math.min(ceiling, Math.max(delay, asked)));
    }
  };
}
