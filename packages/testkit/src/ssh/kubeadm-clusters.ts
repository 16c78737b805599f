import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import type { CertificateAndKey } from '../framework/pki.js';
import type { KubernetesTaint } from '../kubernetes/node-group.js';

/** A Node kubeadm registered: on which VM, with what its kubelet was told. */
export interface KubeadmNodeRecord {
  vm: string;
  controlPlane: boolean;
  kubeletVersion: string;
  labels: Record<string, string>;
  taints: KubernetesTaint[];
}

/** One kubeadm cluster, keyed by its control-plane VM. */
export interface KubeadmClusterRecord {
  controlPlaneVm: string;
  /** `host:port` of the API server (the VM's address, 6443). */
  endpoint: string;
  kubernetesVersion: string;
  certSans: string[];
  ca: CertificateAndKey;
  tokens: { id: string; secret: string; expiresAt: number }[];
  nodes: Record<string, KubeadmNodeRecord>;
}

export interface KubeadmControlState {
  clusters: Record<string, KubeadmClusterRecord>;
}

/** kubeadm's --discovery-token-ca-cert-hash: sha256 of the CA's DER SubjectPublicKeyInfo. */
export function caCertHash(caPem: string): string {
  const spki = new X509Certificate(caPem).publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(spki).digest('hex')}`;
}

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function tokenPart(length: number): string {
  return [...randomBytes(length)].map((byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');
}

/** A bootstrap token `[a-z0-9]{6}.[a-z0-9]{16}`. */
export function newBootstrapToken(): { id: string; secret: string } {
  return { id: tokenPart(6), secret: tokenPart(16) };
}

/** `15m0s`, `1h`, `24h0m0s` → milliseconds (0: never expires, as kubeadm's `--ttl 0`). */
export function durationMs(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(h|m|s)/g)) {
    total += Number(amount) * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1000);
  }
  return total;
}

/** `1.34.2-1.1` or `v1.34.2` → `1.34`. */
export function minorOf(version: string): string {
  return version.replace(/^v/, '').split('.').slice(0, 2).join('.');
}

/** `1.34.2-1.1` or `v1.34.2` → 34. */
export function minorNumber(version: string): number {
  return Number(minorOf(version).split('.')[1]);
}
