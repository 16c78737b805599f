import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { CallLog } from './call-log.js';
import type { Clock } from './clock.js';
import type { FaultInjector, FaultKind } from './faults.js';

export interface FakeRequest {
  method: string;
  /** Path without the query, percent-decoded segments left as sent. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /**
   * The subject of the client certificate the TLS handshake verified against `ServiceTls.clientCa`
   * (Kubernetes reads the user from CN and the groups from O); absent over plain HTTP.
   */
  clientCertificate?: { commonName: string; organizations: string[] };
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** What one request is, as the service's protocol identifies it. */
export interface ResolvedOperation {
  operation: string;
  mutating: boolean;
  handle(): FakeResponse | Promise<FakeResponse>;
}

/** One cloud service's wire protocol: how to identify an operation, and how its errors look. */
export interface ServiceProtocol {
  name: string;
  resolve(request: FakeRequest): ResolvedOperation | undefined;
  /** The response for an injected fault, in this protocol's error shape. */
  fault(kind: Exclude<FaultKind, 'drop'>, operation: string): FakeResponse;
  /** The response for a request no operation matches. */
  unknown(request: FakeRequest): FakeResponse;
}

export interface ServiceContext {
  clock: Clock;
  faults: FaultInjector;
  callLog: CallLog;
  /** Called after every mutating call that succeeded, e.g. to persist state for sim mode. */
  afterMutation?: () => void;
}

/**
 * Serve over HTTPS instead of HTTP (PEM): a kubeadm cluster's API server, which asks for client
 * certificates signed by the cluster CA and verifies them when sent.
 */
export interface ServiceTls {
  certificatePem: string;
  privateKeyPem: string;
  /** CA whose client certificates are accepted; a client may still present none (then token auth applies). */
  clientCaPem?: string;
}

export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** The whole body of a request, as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The verified client certificate's subject, when the request came over TLS with one. */
function clientCertificateOf(incoming: IncomingMessage): FakeRequest['clientCertificate'] {
  const socket = incoming.socket as import('node:tls').TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const subject = socket.getPeerCertificate().subject;
  if (!subject?.CN) return undefined;
  const organizations = subject.O === undefined ? [] : ([] as string[]).concat(subject.O);
  return { commonName: String(subject.CN), organizations };
}

/**
 * Serve a protocol on 127.0.0.1 (or another loopback `host`) at an ephemeral port (or `port`), over
 * HTTP or `tls`, with faults and a call log.
 */
export async function startService(
  protocol: ServiceProtocol,
  context: ServiceContext,
  port = 0,
  options: { tls?: ServiceTls; host?: string } = {},
): Promise<RunningService> {
  const { tls, host = '127.0.0.1' } = options;
  const handler = async (incoming: IncomingMessage, outgoing: import('node:http').ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const clientCertificate = clientCertificateOf(incoming);
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body: await readBody(incoming),
      ...(clientCertificate ? { clientCertificate } : {}),
    };
    const resolved = protocol.resolve(request);
    const operation = resolved?.operation ?? 'Unknown';
    const mutating = resolved?.mutating ?? false;
    const injected = resolved ? context.faults.take(protocol.name, operation) : undefined;
    const log = (status: number, replyLost = false) =>
      context.callLog.record({
        service: protocol.name,
        operation,
        mutating,
        status,
        time: context.clock.now(),
        ...(replyLost ? { replyLost: true as const } : {}),
      });
    if (injected === 'drop') {
      log(0);
      incoming.socket.destroy();
      return;
    }
    // `lost-reply` runs the call as usual, then loses the answer (below).
    const fault = injected === 'lost-reply' ? undefined : injected;
    let response: FakeResponse;
    try {
      response = fault
        ? protocol.fault(fault, operation)
        : resolved
          ? await resolved.handle()
          : protocol.unknown(request);
    } catch (problem) {
      response = protocol.fault('server-error', operation);
      process.stderr.write(
        `fake ${protocol.name} ${operation} crashed: ${problem instanceof Error ? problem.stack : String(problem)}\n`,
      );
    }
    if (mutating && !fault && response.status < 300) context.afterMutation?.();
    if (injected === 'lost-reply') {
      log(0, true);
      incoming.socket.destroy();
      return;
    }
    log(response.status);
    outgoing.writeHead(response.status, response.headers ?? {});
    outgoing.end(response.body ?? '');
  };
  const server: Server = tls
    ? createTlsServer(
        {
          cert: tls.certificatePem,
          key: tls.privateKeyPem,
          ...(tls.clientCaPem ? { ca: tls.clientCaPem, requestCert: true, rejectUnauthorized: false } : {}),
        },
        handler,
      )
    : createServer(handler);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    name: protocol.name,
    url: `${tls ? 'https' : 'http'}://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
