import type { KubeObject } from '../kubernetes/index.js';

/**
 * What Magnum's heat fragments deploy into kube-system before CREATE_COMPLETE that hubfleet touches:
 * the Cinder CSI node plugin (`enable-cinder-csi.sh`, label `cinder_csi_enabled`, on by default),
 * without tolerations, so it does not run on tainted nodes (seed 002's GPU nodes).
 */
export function magnumSystemObjects(): KubeObject[] {
  const labels = { app: 'csi-cinder-nodeplugin' };
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'csi-cinder-nodeplugin', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: 'csi-cinder-node-sa',
            hostNetwork: true,
            containers: [
              {
                name: 'node-driver-registrar',
                image: 'registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.9.0',
              },
              { name: 'liveness-probe', image: 'registry.k8s.io/sig-storage/livenessprobe:v2.11.0' },
              { name: 'cinder-csi-plugin', image: 'registry.k8s.io/provider-os/cinder-csi-plugin:v1.31.0' },
            ],
          },
        },
      },
    } as KubeObject,
  ];
}
