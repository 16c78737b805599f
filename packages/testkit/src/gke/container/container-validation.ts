import { invalidArgument } from '../google-errors.js';
import { invalidLabel } from '../google-ids.js';
import { ATTACHABLE_ACCELERATORS } from '../machine-types.js';
import type { ContainerSettings } from './container-settings.js';
import type { NodeConfigRecord } from './container-state.js';

const NAME = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

export function checkName(kind: 'Cluster' | 'Node pool', name: string | undefined): string {
  if (name === undefined || !NAME.test(name)) {
    throw invalidArgument(
      `${kind} name "${name ?? ''}" is invalid: it must be 1-40 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen.`,
    );
  }
  return name;
}

export function checkLabels(labels: Readonly<Record<string, string>>): void {
  const bad = invalidLabel(labels);
  if (bad !== undefined) {
    throw invalidArgument(
      `Invalid label "${bad}": keys and values must be at most 63 lowercase letters, digits, underscores or dashes; keys start with a letter.`,
    );
  }
}

export function checkNodeConfig(settings: ContainerSettings, config: NodeConfigRecord, zone: string): void {
  if (!settings.machineTypes.some((type) => type.name === config.machineType)) {
    throw invalidArgument(`Machine type "${config.machineType}" does not exist in zone "${zone}".`);
  }
  for (const accelerator of config.accelerators) {
    if (!ATTACHABLE_ACCELERATORS.includes(accelerator.acceleratorType)) {
      throw invalidArgument(
        `Accelerator type "${accelerator.acceleratorType}" does not exist in zone "${zone}".`,
      );
    }
  }
  checkLabels(config.resourceLabels);
}

/** `1.34` or `1.34.1-gke.1829001` or `latest` → a version the fake offers. */
export function resolveVersion(settings: ContainerSettings, requested: string | undefined): string {
  if (requested === undefined || requested === '' || requested === '-') return settings.defaultVersion;
  if (requested === 'latest') return settings.versions[0] ?? settings.defaultVersion;
  const found = settings.versions.find(
    (version) => version === requested || version.startsWith(`${requested}.`),
  );
  if (found === undefined) throw invalidArgument(`Master version "${requested}" is unsupported.`);
  return found;
}
