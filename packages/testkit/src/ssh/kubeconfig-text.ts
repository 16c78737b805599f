import type { CertificateAndKey } from '../framework/pki.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A kubeconfig as kubeadm writes admin.conf and kubelet.conf: the CA and a client certificate, inline. */
export function kubeconfig(
  server: string,
  caPem: string,
  user: string,
  credentials: CertificateAndKey,
): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${b64(caPem)}
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
preferences: {}
users:
- name: ${user}
  user:
    client-certificate-data: ${b64(credentials.certificatePem)}
    client-key-data: ${b64(credentials.privateKeyPem)}
`;
}
