import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** RSA 2048 with SHA-256: what python-magnumclient's `coe cluster config` generates. */
const ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

/** The subject python-magnumclient asks for: user `admin` in group `system:masters` (cluster-admin). */
export const ADMIN_SUBJECT = 'CN=admin, O=system:masters';

/** A new private key (PKCS#8 PEM) and a PKCS#10 CSR (PEM) for `ADMIN_SUBJECT`. */
export async function adminCertificateRequest(): Promise<{ csrPem: string; privateKeyPem: string }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: ADMIN_SUBJECT,
    keys,
    signingAlgorithm: ALGORITHM,
  });
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { csrPem: csr.toString('pem'), privateKeyPem: x509.PemConverter.encode(der, 'PRIVATE KEY') };
}

/** When a PEM certificate stops being valid. */
export function certificateExpiry(certificatePem: string): Date {
  return new x509.X509Certificate(certificatePem).notAfter;
}
