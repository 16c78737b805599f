import { X509Certificate } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
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
  /** What the protocol's `arrive` noted when the headers came in, before the body (see `arrive`). */
  arrival?: unknown;
  /** Over TLS, the certificate the client presented, and whether it chains to the service's `ca`. */
  clientCertificate?: { pem: string; trusted: boolean };
}

/** Serve HTTPS: the serving certificate and key, and the CA client certificates are checked against. */
export interface ServingTls {
  certificatePem: string;
  privateKeyPem: string;
  /** Client certificates are asked for (not required) and marked trusted when they chain to this CA. */
  clientCaPem: string;
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
  /**
   * Optional: called as a request's headers arrive, before its body is read. An upload is in flight
   * from here to its answer, and what the cloud did meanwhile can decide it (S3's 409
   * ConditionalRequestConflict); the returned value reaches `resolve` as `request.arrival`.
   */
  arrive?(head: Omit<FakeRequest, 'body' | 'arrival'>): unknown;
}

export interface ServiceContext {
  clock: Clock;
  faults: FaultInjector;
  callLog: CallLog;
  /** Called after every mutating call that succeeded, e.g. to persist state for sim mode. */
  afterMutation?: () => void;
  /** Serve HTTPS instead of HTTP. */
  tls?: ServingTls;
  /** Another loopback address to listen on (a simulated VM's own). @default '127.0.0.1' */
  host?: string;
}

export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/**
 * The client certificate of a TLS request. The handshake asks for one without requiring it
 * (`rejectUnauthorized: false`), as an API server does: an untrusted one is the protocol's to refuse.
 */
function clientCertificateOf(incoming: IncomingMessage): FakeRequest['clientCertificate'] {
  const socket = incoming.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const peer = socket.getPeerCertificate();
  if (peer?.raw === undefined) return undefined;
  return { pem: new X509Certificate(peer.raw).toString(), trusted: socket.authorized === true };
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

/** Serve a protocol on 127.0.0.1 at an ephemeral port (or `port`), with faults and a call log. */
export async function startService(
  protocol: ServiceProtocol,
  context: ServiceContext,
  port = 0,
): Promise<RunningService> {
  const handler = async (incoming: IncomingMessage, outgoing: import('node:http').ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const clientCertificate = clientCertificateOf(incoming);
    const head = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
    };
    const arrival = protocol.arrive?.(head);
    const request: FakeRequest = {
      ...head,
      body: await readBody(incoming),
      ...(arrival === undefined ? {} : { arrival }),
      ...(clientCertificate === undefined ? {} : { clientCertificate }),
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
  const tls = context.tls;
  const server: Server = tls
    ? createTlsServer(
        {
          cert: tls.certificatePem,
          key: tls.privateKeyPem,
          ca: tls.clientCaPem,
          requestCert: true,
          rejectUnauthorized: false,
        },
        handler,
      )
    : createServer(handler);
  // Idle connections stay open as a cloud API's do, so clients reuse them: the server announces
  // `Keep-Alive: timeout=5` and Node's agents and undici keep a connection a second less than that.
  // At 1 s (`timeout=1`) no client kept any, and every call paid a new connection (and, to the
  // simulated Kubernetes API, a TLS handshake).
  server.keepAliveTimeout = 5000;
  const host = context.host ?? '127.0.0.1';
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
