import {
  type ConfigIssue,
  checkVolumeSizes,
  didYouMean,
  error,
  type HubfleetConfig,
  type NodeGroupConfig,
  quantityToGiB,
  type VolumeSizeLimits,
  warning,
} from '@hubfleet/core';
import type { GkeProviderSettings } from './gke-config.js';
import { GKE_REGIONS, parseGkeLocation } from './gke-locations.js';

/** Project ids: 6 to 30 lower-case letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
/** Compute Engine resource names (RFC 1035 labels): the static address name. */
const RESOURCE_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Most GKE regions have three zones; a regional node pool runs in each. */
const ZONES_PER_REGION = 3;
/** GKE boot disks are at least 10 GB; persistent disks stop at 64 TiB. */
const MIN_DISK_GIB = 10;
const MAX_DISK_GIB = 65_536;
/** User images are several GB and a node caches several of them. */
const MIN_USER_DISK_GIB = 50;

function checkProject(project: string): ConfigIssue[] {
  if (PROJECT_ID.test(project)) return [];
  const hint = /^[0-9]+$/.test(project)
    ? 'this looks like the project number: write the project id instead, e.g. rhodes-cs (gcloud projects list)'
    : 'write the project id (6 to 30 lower-case letters, digits and "-", starting with a letter), e.g. rhodes-cs (gcloud projects list)';
  return [error(['provider', 'project'], `"${project}" is not a Google Cloud project id`, hint)];
}

function checkLocation(location: string): ConfigIssue[] {
  const path = ['provider', 'location'];
  const parsed = parseGkeLocation(location);
  if (parsed.kind === 'invalid') {
    return [
      error(
        path,
        `"${location}" is neither a zone nor a region`,
        'write a zone such as us-central1-a, or a region such as us-central1',
      ),
    ];
  }
  const issues: ConfigIssue[] = [];
  if (!GKE_REGIONS.includes(parsed.region)) {
    const suggestion = didYouMean(parsed.region, GKE_REGIONS);
    issues.push(
      warning(
        path,
        `"${parsed.region}" is not a Google Cloud region hubfleet knows; it is checked against Google before anything is created`,
        suggestion ? `did you mean "${suggestion}"?` : 'check the region with `gcloud compute regions list`',
      ),
    );
  }
  if (parsed.kind === 'region') {
    issues.push(
      warning(
        path,
        `"${location}" is a region: GKE runs each node pool in every zone of it (usually ${ZONES_PER_REGION}), so min and max count nodes per zone and each node costs about ${ZONES_PER_REGION} times over`,
        `use a zone such as ${location}-a for one copy of each node, as Rhodes does (003)`,
      ),
    );
  }
  return issues;
}

function checkStaticIp(staticIp: GkeProviderSettings['staticIp']): ConfigIssue[] {
  if (staticIp === undefined || RESOURCE_NAME.test(staticIp.name)) return [];
  return [
    error(
      ['provider', 'staticIp', 'name'],
      `"${staticIp.name}" is not a valid address name`,
      'use lower-case letters, digits and "-", starting with a letter, at most 63 characters, e.g. jupyter-ip (the name, not the IP address)',
    ),
  ];
}

function checkDiskSize(group: NodeGroupConfig, index: number): ConfigIssue[] {
  if (group.diskSize === undefined) return [];
  const path = ['cluster', 'nodeGroups', index, 'diskSize'];
  const diskGiB = quantityToGiB(group.diskSize);
  if (diskGiB < MIN_DISK_GIB || diskGiB > MAX_DISK_GIB) {
    return [
      error(
        path,
        `a ${diskGiB} GiB boot disk is ${diskGiB < MIN_DISK_GIB ? 'smaller than GKE allows (10 GB)' : 'larger than a persistent disk can be (64 TiB)'}`,
        'use 10Gi to 64Ti; 100Gi suits user nodes',
      ),
    ];
  }
  if ((group.role === 'users' || group.role === 'gpu') && diskGiB < MIN_USER_DISK_GIB) {
    return [
      warning(
        path,
        `${diskGiB} GiB is tight for user nodes: user images are several GB and each node caches several`,
        'use diskSize: 100Gi',
      ),
    ];
  }
  return [];
}

/** Hub volumes are Compute Engine persistent disks (pd-balanced): 10 GiB to 64 TiB (Compute Engine "Disk types"). */
const PERSISTENT_DISK: VolumeSizeLimits = {
  volumeType: 'GCE persistent disk (pd-balanced)',
  minGiB: MIN_DISK_GIB,
  maxGiB: MAX_DISK_GIB,
  wholeGiB: true,
};

/** GKE-specific offline checks, run after the schema and core's cross-field rules. */
export function validateGkeConfig(config: HubfleetConfig<GkeProviderSettings>): ConfigIssue[] {
  const { provider } = config;
  return [
    ...checkProject(provider.project),
    ...checkLocation(provider.location),
    ...checkStaticIp(provider.staticIp),
    ...config.cluster.nodeGroups.flatMap(checkDiskSize),
    ...checkVolumeSizes(config, PERSISTENT_DISK),
  ];
}
