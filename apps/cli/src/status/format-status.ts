import type { DeploymentStatus, ReleaseStatus } from '@hubfleet/core';
import { formatDnsRecord } from '@hubfleet/core/deployment';
import { table } from './table.js';

/** Where `ingress.host` must point: the record to create, or why it is not known yet. */
function dnsLine(dns: DeploymentStatus['dns']): string {
  if (dns.address === null) return `DNS: ${dns.host}: pending (${dns.pending})`;
  return `DNS: create ${formatDnsRecord(dns.record)}`;
}

function readiness(release: ReleaseStatus | null): string {
  if (release === null) return '-';
  if (release.ready) return 'yes';
  return release.waitingFor === undefined ? 'no' : `no (${release.waitingFor})`;
}

/**
 * `hubfleet status` as a person reads it: the cluster, nodegroups (actual / desired nodes), tools
 * (release, version, ready), the DNS record `ingress.host` needs, and hubs (URL, release, storage volume, ready), with a line for each hub's note,
 * then the provider's own resources when the status has them.
 */
export function formatStatus(status: DeploymentStatus): string {
  const { cluster } = status;
  const lines = [
    `Deployment ${status.deployment} (${status.provider}): ${status.ready ? 'ready' : 'not ready'}`,
    '',
    cluster === null
      ? 'Cluster: does not exist (run `hubfleet up`)'
      : `Cluster: ${cluster.name}  ${cluster.status}  Kubernetes ${cluster.kubernetesVersion}`,
    dnsLine(status.dns),
    '',
    'Nodegroups',
    ...table(
      ['NAME', 'STATUS', 'TYPE', 'NODES (ACTUAL/DESIRED)', 'MIN-MAX', 'KUBERNETES'],
      status.nodeGroups.map((group) => [
        group.name,
        group.status,
        group.instanceType,
        `${group.nodes}/${group.desired}`,
        `${group.min}-${group.max}`,
        group.kubernetesVersion ?? '-',
      ]),
    ),
    '',
    'Tools',
    ...table(
      ['RELEASE', 'CHART', 'VERSION', 'READY'],
      status.tools.map((tool) => [
        `${tool.namespace}/${tool.release}`,
        tool.chart,
        tool.installed ?? `(not installed; ${tool.version})`,
        readiness(tool),
      ]),
    ),
    '',
    'Hubs',
    ...table(
      ['HUB', 'URL', 'RELEASE', 'VOLUME', 'READY'],
      status.hubs.map((hub) => [
        hub.name,
        hub.url,
        hub.release.installed === null ? '(not installed)' : `${hub.release.chart} ${hub.release.installed}`,
        hub.volume ?? '-',
        hub.ready ? 'yes' : readiness(hub.release.ready ? hub.storage : hub.release),
      ]),
    ),
    ...status.hubs.flatMap((hub) => (hub.note === undefined ? [] : [`  note: hub ${hub.name}: ${hub.note}`])),
    ...(status.retainedVolumes.length === 0
      ? []
      : [
          '',
          'Retained volumes (their hub left the config; kept until you delete them, or a hub of that name adopts them)',
          ...table(
            ['HUB', 'VOLUME'],
            status.retainedVolumes.map((retained) => [retained.hub, retained.volume]),
          ),
        ]),
    ...(status.resources === undefined || status.resources.length === 0
      ? []
      : [
          '',
          'Provider resources',
          ...table(
            ['RESOURCE', 'READY'],
            status.resources.map((resource) => [
              resource.id,
              resource.ready ? 'yes' : `no (${resource.detail})`,
            ]),
          ),
        ]),
  ];
  return `${lines.join('\n')}\n`;
}
