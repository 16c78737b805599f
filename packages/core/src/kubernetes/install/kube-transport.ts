import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import { HubfleetError } from '../../errors/index.js';
import type { LoadedKubeconfig } from './kubeconfig.js';

/** One request to the Kubernetes API server. */
export interface KubeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the server URL, e.g. `/api/v1/namespaces/hub-a/secrets`. */
  path: string;
  query?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  body?: unknown;
  /** @default 'application/json' when there is a body */
  contentType?: string;
}

/** What the server answered: the status and the body parsed as JSON (undefined when empty or not JSON). */
export interface KubeResponse {
  status: number;
  body: unknown;
  /** `Retry-After` in seconds, when the server sent one. */
  retryAfterSeconds?: number;
}

/** Sends one request; throws only when no answer came (refused, reset, timed out). */
export type KubeTransport = (request: KubeRequest) => Promise<KubeResponse>;

/** @default 30 s: a Kubernetes API call answers in well under a second unless something is wrong. */
export const KUBE_REQUEST_TIMEOUT_MS = 30_000;

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function noAnswer(target: LoadedKubeconfig, request: KubeRequest, cause: unknown): HubfleetError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new HubfleetError({
    kind: 'unavailable',
    message: `the Kubernetes API at ${target.server} did not answer ${request.method} ${request.path}: ${detail}`,
    hint: 'check that the cluster is running and reachable from here, then run the command again',
    subject: 'kubernetes-api',
    cause,
  });
}

/**
 * A transport that authenticates the way `@kubernetes/client-node` does for the kubeconfig's
 * current context (bearer token, client certificate and key, exec credential plugin — refreshed
 * when it expires — CA, TLS server name, proxy) and sends over Node's http/https. hubfleet keeps
 * the request itself (paths from its own resource table, raw status and `Retry-After`) so the
 * retry policy and error mapping in kube-client.ts stay in one place and built-in kinds need no
 * discovery call.
 */
export function createKubeTransport(target: LoadedKubeconfig): KubeTransport {
  const base = new URL(target.server);
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  // One agent for every request (client-node makes a new one per call), keeping connections open.
  let agent: HttpAgent | undefined;
  return async (request) => {
    const url = new URL(`${base.pathname.replace(/\/$/, '')}${request.path}`, base);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = request.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const options: RequestOptions = { method: request.method, headers, timeout: KUBE_REQUEST_TIMEOUT_MS };
    try {
      // Runs an exec plugin when its credential is missing or expired.
      await target.config.applyToHTTPSOptions(options);
    } catch (error) {
      throw noCredential(target, error);
    }
    agent ??= keptAlive(options.agent as HttpAgent);
    options.agent = agent;
    return new Promise((resolve, reject) => {
      const outgoing = send(url, options, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) => reject(noAnswer(target, request, error)));
        incoming.on('end', () => {
          const retryAfter = Number(incoming.headers['retry-after']);
          resolve({
            status: incoming.statusCode ?? 0,
            body: parseBody(Buffer.concat(chunks).toString('utf8')),
            ...(Number.isFinite(retryAfter) && retryAfter >= 0 ? { retryAfterSeconds: retryAfter } : {}),
          });
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
      outgoing.on('error', (error) => reject(noAnswer(target, request, error)));
      outgoing.end(payload);
    });
  };
}

/**
 * client-node's agent with its TLS options (CA, client certificate and key, server name) and
 * keep-alive: each request then reuses an open connection instead of making a new one, whose TLS
 * handshake and secure context (the CA and key parsed again) cost more CPU than the request itself.
 * An idle connection closes after the agent's timeout (the request timeout), or a second before the
 * server's announced `Keep-Alive: timeout`. Proxy agents are kept as client-node made them.
 */
function keptAlive(agent: HttpAgent): HttpAgent {
  const Plain =
    agent.constructor === HttpsAgent ? HttpsAgent : agent.constructor === HttpAgent ? HttpAgent : undefined;
  if (Plain === undefined) return agent;
  const { options } = agent as HttpAgent & { options: Record<string, unknown> };
  return new Plain({ ...options, keepAlive: true });
}

/** The credential could not be produced (an exec plugin failed, a file vanished): not retried. */
function noCredential(target: LoadedKubeconfig, cause: unknown): HubfleetError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new HubfleetError({
    kind: 'permission',
    retryable: false,
    message: `no credential for context "${target.context}" of the kubeconfig could be produced: ${detail}`,
    hint: 'check the exec credential plugin (run it by hand) or the certificate files the kubeconfig names',
    subject: `kubeconfig context ${target.context}`,
    cause,
  });
}
