import { z } from 'zod';
import type { HubfleetConfig } from '../../../config/deployment.js';
import { validateConfigText } from '../../../config/load.js';
import { createProviderRegistry } from '../../../config/registry.js';
import type { ProviderCapabilitiesV1 } from '../../../provider/v1/capabilities.js';
import type { MachineCatalogV1 } from '../../../provider/v1/catalog.js';
import type { BackupStorageV1 } from '../../../provider/v1/deploying.js';
import type { ProviderV1, ToolName } from '../../../provider/v1/provider.js';
import { GCS_LIKE, S3_LIKE, SWIFT_LIKE } from './stand-in-backup-storage.js';

/**
 * Small stand-ins for the four clouds, with the capabilities that steer the tools: core cannot
 * import the real providers, and the tools must not care which cloud it is beyond these flags.
 */
const TOOL_DEFAULTS: Record<ToolName, { enabled: boolean; reason: string }> = {
  autoscaler: { enabled: true, reason: 'on by default' },
  registryCache: { enabled: true, reason: 'on by default' },
  gpuDriver: { enabled: true, reason: 'on by default' },
  monitoring: { enabled: true, reason: 'on by default' },
  backups: { enabled: false, reason: 'off by default' },
};

function standIn(
  id: string,
  displayName: string,
  fields: Record<string, z.ZodType>,
  capabilities: ProviderCapabilitiesV1,
  catalog: MachineCatalogV1,
  backupStorage?: BackupStorageV1,
): ProviderV1 {
  return {
    specificationVersion: 'v1',
    id,
    displayName,
    configSchema: z.strictObject({ kind: z.literal(id), ...fields }) as unknown as ProviderV1['configSchema'],
    capabilities,
    catalog,
    toolDefaults: TOOL_DEFAULTS,
    ...(backupStorage === undefined ? {} : { backupStorage }),
  };
}

const priced = (machines: MachineCatalogV1['machines'], exhaustive = true): MachineCatalogV1 => ({
  exhaustive,
  priceSource: 'made up for tests',
  priceDate: '2026-11-21',
  currency: 'USD',
  machines,
});

export const awsLike = standIn(
  'aws',
  'AWS EKS',
  { region: z.string() },
  {
    scaleToZero: true,
    nodeLabelsReachNodes: true,
    managedAutoscaler: false,
    gpuDriver: 'device-plugin',
    volumeSnapshots: true,
    loadBalancer: true,
  },
  priced([
    { name: 't3a.medium', cpu: 2, memoryGiB: 4, hourlyPrice: 0.0376 },
    { name: 't3a.large', cpu: 2, memoryGiB: 8, hourlyPrice: 0.0752 },
    { name: 't3a.2xlarge', cpu: 8, memoryGiB: 32, hourlyPrice: 0.3008 },
    { name: 'm5a.2xlarge', cpu: 8, memoryGiB: 32, hourlyPrice: 0.344 },
    { name: 'g4dn.xlarge', cpu: 4, memoryGiB: 16, gpu: { count: 1, model: 'T4' }, hourlyPrice: 0.526 },
  ]),
  S3_LIKE,
);

export const gkeLike = standIn(
  'gke',
  'Google GKE',
  { project: z.string(), location: z.string() },
  {
    scaleToZero: true,
    nodeLabelsReachNodes: true,
    managedAutoscaler: true,
    gpuDriver: 'managed',
    volumeSnapshots: true,
    loadBalancer: true,
  },
  priced([
    { name: 'e2-standard-2', cpu: 2, memoryGiB: 8, hourlyPrice: 0.067 },
    { name: 'n1-standard-8', cpu: 8, memoryGiB: 30, hourlyPrice: 0.38 },
    { name: 'n1-standard-4', cpu: 4, memoryGiB: 15, gpu: { count: 1, model: 'T4' }, hourlyPrice: 0.54 },
  ]),
  GCS_LIKE,
);

export const openstackLike = standIn(
  'openstack',
  'OpenStack Magnum',
  { cloud: z.string() },
  {
    scaleToZero: false,
    nodeLabelsReachNodes: true,
    managedAutoscaler: false,
    gpuDriver: 'operator',
    volumeSnapshots: true,
    loadBalancer: true,
  },
  priced([{ name: 'l3.nano', cpu: 2, memoryGiB: 4 }], false),
  SWIFT_LIKE,
);

export const nectarLike = standIn(
  'nectar',
  'NeCTAR Research Cloud',
  { cloud: z.string() },
  {
    scaleToZero: false,
    nodeLabelsReachNodes: true,
    managedAutoscaler: false,
    gpuDriver: 'operator',
    volumeSnapshots: false,
    loadBalancer: false,
  },
  priced([], false),
  SWIFT_LIKE,
);

/** A cloud hubfleet knows nothing special about. */
export const unknownCloud = standIn('fixture', 'Fixture Cloud', {}, awsLike.capabilities, awsLike.catalog);

const registry = createProviderRegistry([awsLike, gkeLike, openstackLike, nectarLike, unknownCloud]);

/** Validate YAML through the real loader (schema, defaults, rules), or fail with the issues. */
export function loadConfig(text: string): { config: HubfleetConfig; provider: ProviderV1 } {
  const result = validateConfigText(text, { registry, file: 'hubfleet.yaml', checkSecrets: false });
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  if (result.config === undefined || result.provider === undefined || errors.length > 0) {
    throw new Error(
      `stand-in config is invalid:\n${errors.map((issue) => `${issue.pathText}: ${issue.message}`).join('\n')}`,
    );
  }
  return { config: result.config, provider: result.provider };
}

export interface ConfigParts {
  provider?: string;
  nodeGroups?: string;
  tls?: string;
  tools?: string;
}

/** A deployment in the shape of the config reference, with the parts a test varies replaced. */
export function configText(parts: ConfigParts = {}): string {
  return `apiVersion: hubfleet/v1
name: prod-green
provider: ${parts.provider ?? '{ kind: aws, region: us-west-2 }'}
cluster:
  nodeGroups:
${
  parts.nodeGroups ??
  `    - { name: tools, role: tools, instanceType: t3a.medium, min: 1, max: 2 }
    - { name: core, role: core, instanceType: t3a.large, min: 1, max: 3 }
    - { name: users, role: users, instanceType: t3a.2xlarge, min: 0, max: 20 }
    - name: gpu
      role: gpu
      instanceType: g4dn.xlarge
      min: 0
      max: 4
      gpu: { count: 1 }
      taints: [{ key: dedicated, value: ml, effect: NoSchedule }]`
}
ingress:
  host: hub-green.datasci.oregonstate.edu
  tls: ${parts.tls ?? '{ mode: letsencrypt, email: ops@oregonstate.edu }'}
tools:
${parts.tools ?? '  monitoring: { enabled: true }'}
hubs:
  - name: example-simple
    auth: { type: native, admins: [admin] }
`;
}
