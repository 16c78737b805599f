import { X509Certificate } from 'node:crypto';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { clientIdentity } from './client-identity.js';
import {
  createCertificateAuthority,
  createCertificateRequest,
  InvalidCertificateRequestError,
  issueClientCertificate,
  issueServerCertificate,
  signCertificateRequest,
} from './pki.js';

interface Answer {
  status: number;
  body: string;
}

/** A real TLS handshake through Node's https: what a Kubernetes client does with a kubeconfig. */
async function handshake(
  server: { certificatePem: string; privateKeyPem: string; caPem: string },
  client: { caPem: string; certificatePem?: string; privateKeyPem?: string },
): Promise<Answer> {
  const https = createServer(
    {
      cert: server.certificatePem,
      key: server.privateKeyPem,
      ca: server.caPem,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (incoming, outgoing) => {
      const socket = incoming.socket as TLSSocket;
      const peer = socket.getPeerCertificate(true);
      if (!socket.authorized || !peer.raw) {
        outgoing.writeHead(401).end('unauthorized');
        return;
      }
      const pem = new X509Certificate(peer.raw).toString();
      outgoing.writeHead(200).end(JSON.stringify(clientIdentity(pem)));
    },
  );
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  const { port } = https.address() as AddressInfo;
  try {
    return await new Promise<Answer>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port,
          path: '/',
          ca: client.caPem,
          cert: client.certificatePem,
          key: client.privateKeyPem,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  } finally {
    await new Promise<void>((resolve) => https.close(() => resolve()));
  }
}

describe('pki', () => {
  it('serves TLS that a client trusting the cluster CA accepts, and reads user and groups from a signed CSR', async () => {
    const ca = await createCertificateAuthority('kubernetes');
    const serving = await issueServerCertificate(ca, ['127.0.0.1', 'localhost']);
    const request = await createCertificateRequest({
      commonName: 'admin',
      organizations: ['system:masters'],
    });
    const certificatePem = await signCertificateRequest(ca, request.csrPem);

    const answer = await handshake(
      { ...serving, caPem: ca.certificatePem },
      { caPem: ca.certificatePem, certificatePem, privateKeyPem: request.privateKeyPem },
    );

    expect(answer).toEqual({
      status: 200,
      body: JSON.stringify({ user: 'admin', groups: ['system:masters'] }),
    });
    expect(new X509Certificate(certificatePem).checkIssued(new X509Certificate(ca.certificatePem))).toBe(
      true,
    );
  });

  it('refuses a client certificate signed by another CA, and a client that does not trust the server', async () => {
    const ca = await createCertificateAuthority('kubernetes');
    const other = await createCertificateAuthority('someone-else');
    const serving = await issueServerCertificate(ca, ['127.0.0.1']);
    const foreign = await issueClientCertificate(other, { commonName: 'admin' });

    const answer = await handshake(
      { ...serving, caPem: ca.certificatePem },
      { caPem: ca.certificatePem, ...foreign },
    );
    expect(answer.status).toBe(401);
    await expect(
      handshake({ ...serving, caPem: ca.certificatePem }, { caPem: other.certificatePem }),
    ).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('refuses a CSR that is not one', async () => {
    const ca = await createCertificateAuthority('kubernetes');
    await expect(signCertificateRequest(ca, 'not a csr')).rejects.toBeInstanceOf(
      InvalidCertificateRequestError,
    );
  });
});
