import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import type { AwsProviderSettings } from '../src/aws-config.js';
import { awsProvider } from '../src/aws-provider.js';

export type AwsConfig = HubfleetConfig<AwsProviderSettings>;

/** Static credentials: tests always pass them, so the SDK never probes the instance metadata service. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAHUBFLEETTEST0001', secretAccessKey: 'test-secret' };

/** examples/quickstart.yaml, validated, under another deployment name. */
export function quickstartConfig(name: string): AwsConfig {
  const text = readFileSync(new URL('../../../examples/quickstart.yaml', import.meta.url), 'utf8');
  const registry = createProviderRegistry([awsProvider]);
  const { config } = validateConfigText(text, { registry, file: 'quickstart.yaml', checkSecrets: false });
  if (config === undefined) throw new Error('examples/quickstart.yaml should validate');
  return { ...(config as AwsConfig), name };
}
