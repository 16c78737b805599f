import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import type { OpenstackProviderSettings } from '../src/openstack-config.js';
import { openstackProvider } from '../src/openstack-provider.js';

/**
 * The STFC example (seed 002) renamed, with its core and default-worker nodegroups and its first hub
 * on one shared-nfs Cinder volume: the small config the conformance suite wants (no floating IP, no
 * Let's Encrypt: those steps wait for an ingress controller, which the suite does not install).
 */
export function stfcConfig(name: string): HubfleetConfig<OpenstackProviderSettings> {
  const text = readFileSync(new URL('../../../examples/openstack-stfc.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([openstackProvider]);
  const { config } = validateConfigText(text, { registry, file: 'openstack-stfc.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/openstack-stfc.yaml should validate');
  const stfc = config as HubfleetConfig<OpenstackProviderSettings>;
  const [hub] = stfc.hubs;
  if (hub === undefined) throw new Error('examples/openstack-stfc.yaml has a hub');
  const { floatingIp: _floatingIp, ...provider } = stfc.provider;
  return {
    ...stfc,
    name,
    // No ingress controller runs in the suite: without a floating IP and Let's Encrypt, the provider
    // resources are the Cinder CSI tolerations and the Octavia teardown.
    provider,
    ingress: { ...stfc.ingress, tls: { mode: 'none' } },
    cluster: { ...stfc.cluster, nodeGroups: stfc.cluster.nodeGroups.filter((group) => group.role !== 'gpu') },
    hubs: [{ ...hub, storage: { ...hub.storage, home: 'shared-nfs', size: '10Gi' } }],
  };
}
