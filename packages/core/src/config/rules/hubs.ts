import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import type { HubConfig } from '../hub.js';
import { type ConfigIssue, error, warning } from '../issues.js';
import { cpuToCores, quantityToBytes } from '../primitives.js';

type Range = { guarantee?: string | number | undefined; limit?: string | number | undefined } | undefined;

function checkRange(
  range: Range,
  path: (string | number)[],
  toNumber: (value: string | number) => number,
): ConfigIssue[] {
  if (range?.guarantee === undefined || range.limit === undefined) return [];
  if (toNumber(range.guarantee) <= toNumber(range.limit)) return [];
  return [
    error(
      [...path, 'guarantee'],
      `guarantee (${range.guarantee}) is more than limit (${range.limit})`,
      'make guarantee at most limit',
    ),
  ];
}

function checkStorage(hub: HubConfig, path: (string | number)[], provider: ProviderV1): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (quantityToBytes(hub.storage.size) <= 0) {
    issues.push(
      error(
        [...path, 'storage', 'size'],
        `${hub.storage.size} is no disk at all`,
        'give the size of the hub disk (shared-nfs) or of each user volume, e.g. 10Gi',
      ),
    );
  }
  if (hub.storage.sharedDir && hub.storage.home === 'per-user-volume') {
    issues.push(
      error(
        [...path, 'storage', 'sharedDir'],
        '~/shared lives on the hub NFS disk, which per-user-volume does not create',
        'use home: shared-nfs, or remove sharedDir',
      ),
    );
  }
  if (hub.storage.onDelete === 'snapshot' && !provider.capabilities.volumeSnapshots) {
    issues.push(
      error(
        [...path, 'storage', 'onDelete'],
        `${provider.displayName} volumes cannot be snapshotted by hubfleet`,
        'use onDelete: retain',
      ),
    );
  }
  if (hub.storage.adoptVolume !== undefined && hub.storage.home === 'per-user-volume') {
    issues.push(
      error(
        [...path, 'storage', 'adoptVolume'],
        'adoptVolume reuses a hub NFS disk; per-user-volume has none',
        'use home: shared-nfs',
      ),
    );
  }
  return issues;
}

function checkHub(hub: HubConfig, index: number, provider: ProviderV1): ConfigIssue[] {
  const path = ['hubs', index];
  const issues: ConfigIssue[] = [
    ...checkRange(hub.resources?.cpu, [...path, 'resources', 'cpu'], cpuToCores),
    ...checkRange(hub.resources?.memory, [...path, 'resources', 'memory'], quantityToBytes),
    ...hub.profiles.flatMap((profile, profileIndex) => [
      ...checkRange(profile.cpu, [...path, 'profiles', profileIndex, 'cpu'], cpuToCores),
      ...checkRange(profile.memory, [...path, 'profiles', profileIndex, 'memory'], quantityToBytes),
    ]),
    ...checkStorage(hub, path, provider),
  ];
  if (hub.sudo) {
    issues.push(
      warning(
        [...path, 'sudo'],
        'users get root in their containers (they can install packages, and also break their server)',
        'leave sudo off unless the course needs it',
      ),
    );
  }
  if (hub.image.tag === 'latest') {
    issues.push(
      warning(
        [...path, 'image', 'tag'],
        'tag "latest" changes under running courses and defeats the registry cache',
        'pin a dated tag',
      ),
    );
  }
  if (hub.auth.type === 'dummy') {
    issues.push(
      warning(
        [...path, 'auth', 'type'],
        'dummy auth lets anyone log in; it is for tests only',
        'use native, oauth, google, github or lti for real users',
      ),
    );
  }
  return issues;
}

export function checkHubs(config: HubfleetConfig, provider: ProviderV1): ConfigIssue[] {
  return config.hubs.flatMap((hub, index) => checkHub(hub, index, provider));
}
