import { readFileSync } from 'node:fs';
import { createProviderRegistry, type HubfleetConfig, validateConfigText } from '@hubfleet/core';
import type { NectarProviderSettings } from '../src/nectar-config.js';
import { nectarProvider } from '../src/nectar-provider.js';

/** examples/nectar-unimelb.yaml, validated, for tests; `edit` rewrites its text first. */
export function exampleConfig(
  edit: (text: string) => string = (text) => text,
): HubfleetConfig<NectarProviderSettings> {
  const text = readFileSync(new URL('../../../examples/nectar-unimelb.yaml', import.meta.url), 'utf8');
  const result = validateConfigText(edit(text), {
    registry: createProviderRegistry([nectarProvider]),
    file: 'nectar-unimelb.yaml',
    checkSecrets: false,
  });
  if (!result.config) throw new Error(JSON.stringify(result.issues));
  return result.config as HubfleetConfig<NectarProviderSettings>;
}

/** The control plane script's steps, in the order they run. */
export const CONTROL_PLANE_STEPS = [
  'swap-off',
  'kernel-modules',
  'kernel-settings',
  'time-sync',
  'log-caps',
  'ephemeral-data',
  'containerd',
  'kubernetes-packages',
  'kubeadm-init',
  'pod-network',
];
