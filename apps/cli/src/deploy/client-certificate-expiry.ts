import { X509Certificate } from 'node:crypto';
import type { Kubeconfig } from './merge-kubeconfig.js';

/**
 * When the client certificate of a kubeconfig's (first) user expires, or undefined for a user that
 * authenticates otherwise (an exec entry, a token). Magnum and kubeadm hand out client
 * certificates: kubectl uses them until then, and `hubfleet kubeconfig` writes a new one.
 */
export function clientCertificateExpiry(config: Kubeconfig): Date | undefined {
  const users = Array.isArray(config.users) ? (config.users as unknown[]) : [];
  const first = users[0] as { user?: Record<string, unknown> } | undefined;
  const data = first?.user?.['client-certificate-data'];
  if (typeof data !== 'string') return undefined;
  try {
    return new Date(new X509Certificate(Buffer.from(data, 'base64')).validTo);
  } catch {
    return undefined;
  }
}
