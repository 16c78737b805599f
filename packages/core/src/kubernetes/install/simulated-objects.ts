import type { Manifest, ReleaseSpec } from '../release.js';

/** The image of every stand-in workload: it does nothing, which is all a simulated cluster needs. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

/** Marks what the simulated installer made up rather than rendered from a chart. */
export const SIMULATED_LABEL = 'hubfleet.io/simulated';

/** How helm marks the objects of a release; applied to rendered objects too, as helm would. */
export function helmOwnership(
  manifest: Manifest,
  release: Pick<ReleaseSpec, 'release' | 'namespace'>,
): Manifest {
  const { metadata } = manifest;
  return {
    ...manifest,
    metadata: {
      ...metadata,
      labels: { 'app.kubernetes.io/managed-by': 'Helm', ...(metadata.labels ?? {}) },
      annotations: {
        ...(metadata.annotations ?? {}),
        'meta.helm.sh/release-name': release.release,
        'meta.helm.sh/release-namespace': release.namespace,
      },
    },
  };
}

/**
 * What stands in for an upstream chart in `--sim`, where its repository cannot be fetched: one
 * Deployment of the pause image, labelled with the release, so readiness flows through the
 * simulated cluster's controllers exactly as it would for the chart's own workloads.
 */
export function representativeDeployment(
  release: Pick<ReleaseSpec, 'release' | 'namespace' | 'chart' | 'version'>,
): Manifest {
  const selector = standInSelector(release);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: release.release,
      namespace: release.namespace,
      labels: {
        ...selector,
        'app.kubernetes.io/version': release.version,
        [SIMULATED_LABEL]: 'true',
      },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: selector },
        spec: {
          containers: [
            {
              name: 'stand-in',
              image: PAUSE_IMAGE,
              resources: { requests: { cpu: '10m', memory: '16Mi' } },
            },
          ],
        },
      },
    },
  };
}

function standInSelector(release: Pick<ReleaseSpec, 'release' | 'chart'>): Record<string, string> {
  return { 'app.kubernetes.io/instance': release.release, 'app.kubernetes.io/name': release.chart };
}

/** A chart's `fullname` helper: the release name when it contains the chart's, else `<release>-<chart>`. */
function chartFullname(release: Pick<ReleaseSpec, 'release' | 'chart'>): string {
  return release.release.includes(release.chart) ? release.release : `${release.release}-${release.chart}`;
}

/**
 * The Services of an upstream chart that something outside the chart reads, stood in for with the
 * name and type the chart gives them: ingress-nginx's controller Service (`<fullname>-controller`,
 * of `controller.service.type`), whose load balancer address is where `ingress.host` must point.
 * It selects the stand-in Deployment's pod, so the simulated cloud gives it an address as it would.
 */
export function standInServices(
  release: Pick<ReleaseSpec, 'release' | 'namespace' | 'chart' | 'values'>,
): Manifest[] {
  if (release.chart !== 'ingress-nginx') return [];
  const controller = (release.values as { controller?: { service?: { type?: string } } }).controller;
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: `${chartFullname(release)}-controller`,
        namespace: release.namespace,
        labels: {
          ...standInSelector(release),
          'app.kubernetes.io/component': 'controller',
          [SIMULATED_LABEL]: 'true',
        },
      },
      spec: {
        type: controller?.service?.type ?? 'LoadBalancer',
        selector: standInSelector(release),
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 443 },
        ],
      },
    },
  ];
}

/** The namespace a release goes into, as `helm install --create-namespace` makes it. */
export function releaseNamespace(name: string): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/**
 * A permissive CustomResourceDefinition for a kind an upstream chart would define (cert-manager's
 * ClusterIssuer, ...): in `--sim` those charts are stood in for, so their CRDs are too. The plural
 * is the kind lower-cased plus `s`, which holds for every kind hubfleet applies.
 */
export function standInDefinition(apiVersion: string, kind: string): Manifest {
  const [group = '', version = 'v1'] = apiVersion.split('/');
  const plural = `${kind.toLowerCase()}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}`, labels: { [SIMULATED_LABEL]: 'true' } },
    spec: {
      group,
      scope: kind.startsWith('Cluster') ? 'Cluster' : 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  };
}
