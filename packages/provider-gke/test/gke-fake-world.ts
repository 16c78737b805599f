import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import type { GkeProviderSettings } from '../src/gke-config.js';
import { gkeProvider } from '../src/gke-provider.js';

/**
 * The Rhodes example (default-pool core, user-pool users, one hub) in the simulated project, renamed;
 * `sharedHome` turns the hub's storage into one shared-nfs disk (what the volume stages need).
 */
export function rhodesConfig(
  name: string,
  project: string,
  options: { sharedHome?: boolean; location?: string } = {},
): HubfleetConfig<GkeProviderSettings> {
  const text = readFileSync(new URL('../../../examples/gke-rhodes.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([gkeProvider]);
  const { config } = validateConfigText(text, { registry, file: 'gke-rhodes.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/gke-rhodes.yaml should validate');
  const rhodes = config as HubfleetConfig<GkeProviderSettings>;
  return {
    ...rhodes,
    name,
    provider: { ...rhodes.provider, project, ...(options.location ? { location: options.location } : {}) },
    hubs: rhodes.hubs.map((hub) =>
      options.sharedHome ? { ...hub, storage: { ...hub.storage, home: 'shared-nfs', size: '10Gi' } } : hub,
    ),
  };
}
