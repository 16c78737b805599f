import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { awsAddons, GP3_STORAGE_CLASS } from './aws-addons.js';
import type { AwsProviderSettings } from './aws-config.js';
import { awsProvider } from './aws-provider.js';

function quickstart(): HubfleetConfig<AwsProviderSettings> {
  const text = readFileSync(new URL('../../../examples/quickstart.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([awsProvider]);
  const { config } = validateConfigText(text, { registry, file: 'quickstart.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/quickstart.yaml should validate');
  return config as HubfleetConfig<AwsProviderSettings>;
}

describe('awsAddons', () => {
  const addons = awsAddons(quickstart());

  it('gives cluster-autoscaler the AWS cloud provider, region and cluster for auto-discovery', () => {
    const values = addons.find((addon) => addon.name === 'aws-cluster-autoscaler')?.toolValues?.[
      'cluster-autoscaler'
    ];
    expect(values).toMatchObject({
      cloudProvider: 'aws',
      awsRegion: 'us-west-2',
      autoDiscovery: { clusterName: 'quickstart' },
      rbac: { serviceAccount: { name: 'cluster-autoscaler' } },
    });
  });

  it("pins velero's service account for its pod identity and keeps EBS snapshots on", () => {
    const values = addons.find((addon) => addon.name === 'aws-velero')?.toolValues?.velero;
    expect(values).toMatchObject({
      serviceAccount: { server: { name: 'velero-server' } },
      snapshotsEnabled: true,
    });
  });

  it('makes gp3 through the EBS CSI driver the default StorageClass, bound at first consumer', () => {
    const manifests = addons.flatMap((addon) => addon.manifests ?? []);
    expect(manifests).toEqual([GP3_STORAGE_CLASS]);
    expect(GP3_STORAGE_CLASS).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      volumeBindingMode: 'WaitForFirstConsumer',
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      parameters: { type: 'gp3' },
    });
  });

  it('says why each add-on is there', () => {
    for (const addon of addons) expect(addon.reason, addon.name).toBeTruthy();
  });
});
