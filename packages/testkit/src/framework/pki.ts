/**
 * X.509 for simulated clusters: a cluster certificate authority, the API server's serving
 * certificate, and client certificates signed from a CSR, the way Magnum's certificate API and
 * kubeadm issue them. Keys are RSA 2048 (what python-magnumclient and kubeadm generate), made with
 * Node's WebCrypto; certificates are built with @peculiar/x509 (which needs
 * `reflect-metadata` loaded first) and exchanged as PEM.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A certificate with its private key, both PEM (the key PKCS#8). */
export interface CertificateAndKey {
  certificatePem: string;
  privateKeyPem: string;
}

/** Who a certificate names: Kubernetes reads the user from CN and the groups from O. */
export interface SubjectName {
  commonName: string;
  organizations?: string[];
}

function distinguishedName(subject: SubjectName): string {
  const escapeValue = (value: string) => value.replace(/([,+"\\<>;=])/g, '\\$1');
  const parts = [`CN=${escapeValue(subject.commonName)}`];
  for (const organization of subject.organizations ?? []) parts.push(`O=${escapeValue(organization)}`);
  return parts.join(', ');
}

function serialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

function validity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - 60_000), notAfter: new Date(now.getTime() + days * DAY_MS) };
}

/** A self-signed CA, e.g. a Magnum cluster's or kubeadm's `kubernetes` CA. */
export async function createCertificateAuthority(
  commonName: string,
  options: { now?: Date; days?: number } = {},
): Promise<CertificateAndKey> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: distinguishedName({ commonName }),
    ...validity(options.now ?? new Date(), options.days ?? 3650),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificatePem: certificate.toString('pem'), privateKeyPem: await privateKeyPem(keys.privateKey) };
}

async function issue(
  authority: CertificateAndKey,
  subject: SubjectName,
  publicKey: x509.PublicKey | CryptoKey,
  extensions: x509.Extension[],
  options: { now?: Date; days?: number },
): Promise<string> {
  const issuer = new x509.X509Certificate(authority.certificatePem);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(subject),
    issuer: issuer.subject,
    ...validity(options.now ?? new Date(), options.days ?? 365),
    signingAlgorithm: ALGORITHM,
    publicKey,
    signingKey: await importPrivateKey(authority.privateKeyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer, false),
      ...extensions,
    ],
  });
  return certificate.toString('pem');
}

/** The API server's serving certificate for `hosts` (IP addresses and DNS names), signed by `authority`. */
export async function issueServerCertificate(
  authority: CertificateAndKey,
  hosts: string[],
  options: { now?: Date; days?: number } = {},
): Promise<CertificateAndKey> {
  const keys = await generateKeys();
  const names = hosts.map((host) =>
    /^[\d.]+$|:/.test(host) ? { type: 'ip' as const, value: host } : { type: 'dns' as const, value: host },
  );
  const certificatePem = await issue(
    authority,
    { commonName: 'kube-apiserver' },
    keys.publicKey,
    [
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
    ],
    options,
  );
  return { certificatePem, privateKeyPem: await privateKeyPem(keys.privateKey) };
}

/** A new RSA key and a PKCS#10 CSR for `subject`, as a client (python-magnumclient, kubeadm) makes them. */
export async function createCertificateRequest(
  subject: SubjectName,
): Promise<{ csrPem: string; privateKeyPem: string }> {
  const keys = await generateKeys();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: distinguishedName(subject),
    keys,
    signingAlgorithm: ALGORITHM,
  });
  return { csrPem: csr.toString('pem'), privateKeyPem: await privateKeyPem(keys.privateKey) };
}

/** Thrown for a CSR that is not PEM PKCS#10 or whose signature does not verify. */
export class InvalidCertificateRequestError extends Error {}

/**
 * Sign a client CSR with `authority` (Magnum's `POST /v1/certificates`, kubeadm's CA): the subject
 * is taken from the CSR as it is, so CN and O (user and groups) are what the client asked for.
 */
export async function signCertificateRequest(
  authority: CertificateAndKey,
  csrPem: string,
  options: { now?: Date; days?: number } = {},
): Promise<string> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(csrPem);
  } catch {
    throw new InvalidCertificateRequestError('The CSR is not a PEM-encoded PKCS#10 certificate request.');
  }
  if (!(await csr.verify())) throw new InvalidCertificateRequestError('The CSR signature does not verify.');
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: csr.subjectName,
    issuer: new x509.X509Certificate(authority.certificatePem).subject,
    ...validity(options.now ?? new Date(), options.days ?? 365),
    signingAlgorithm: ALGORITHM,
    publicKey: csr.publicKey,
    signingKey: await importPrivateKey(authority.privateKeyPem),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  return certificate.toString('pem');
}

/** A client certificate and key for `subject` in one step (kubeadm's `admin.conf`). */
export async function issueClientCertificate(
  authority: CertificateAndKey,
  subject: SubjectName,
  options: { now?: Date; days?: number } = {},
): Promise<CertificateAndKey> {
  const request = await createCertificateRequest(subject);
  return {
    certificatePem: await signCertificateRequest(authority, request.csrPem, options),
    privateKeyPem: request.privateKeyPem,
  };
}
