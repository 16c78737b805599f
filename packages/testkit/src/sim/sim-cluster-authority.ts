import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type CertificateAndKey, createCertificateAuthority } from '../framework/pki.js';

/**
 * The simulated cluster CA, made once per state directory and kept in it (0600), so that
 * certificates Magnum signed before a restart still open the Kubernetes API after it.
 */
export async function loadOrCreateAuthority(file: string, commonName: string): Promise<CertificateAndKey> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CertificateAndKey;
  const authority = await createCertificateAuthority(commonName);
  writeFileSync(file, JSON.stringify(authority), { mode: 0o600 });
  return authority;
}
