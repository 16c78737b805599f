import type { MachineTypeV1 } from '../../provider/v1/catalog.js';
import type { ProviderV1 } from '../../provider/v1/provider.js';
import type { HubfleetConfig } from '../deployment.js';
import { didYouMean } from '../did-you-mean.js';
import { type ConfigIssue, error, warning } from '../issues.js';
import { cpuToCores, quantityToBytes } from '../primitives.js';

const GIB = 2 ** 30;

function fitIssues(
  machine: MachineTypeV1,
  request: {
    cpu?: string | number | undefined;
    memory?: string | number | undefined;
    gpu?: number | undefined;
  },
  path: (string | number)[],
  what: string,
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (request.cpu !== undefined && cpuToCores(request.cpu) > machine.cpu) {
    issues.push(
      error(
        [...path, 'cpu'],
        `${what} asks for ${request.cpu} CPU but ${machine.name} has ${machine.cpu}`,
        'ask for less, or use a larger instance type',
      ),
    );
  }
  if (request.memory !== undefined && quantityToBytes(request.memory) > machine.memoryGiB * GIB) {
    issues.push(
      error(
        [...path, 'memory'],
        `${what} asks for ${request.memory} memory but ${machine.name} has ${machine.memoryGiB}Gi`,
        'ask for less, or use a larger instance type',
      ),
    );
  }
  if (request.gpu !== undefined && request.gpu > (machine.gpu?.count ?? 0)) {
    issues.push(
      error(
        [...path, 'gpu'],
        `${what} asks for ${request.gpu} GPU but ${machine.name} has ${machine.gpu?.count ?? 0}`,
        'ask for fewer GPUs, or use a larger GPU instance type',
      ),
    );
  }
  return issues;
}

/**
 * A name the catalog does not list. Well formed (the catalog's `namePattern`) → a warning without
 * "did you mean": the cloud may offer a type newer than the list (`m7a.xlarge` is not a misspelt
 * `m6a.xlarge`), and `plan` checks it against the account. Otherwise an error where the catalog is
 * exhaustive, a warning where flavors differ per cloud, each with "did you mean" when a known name is
 * close.
 */
function unknownTypeIssue(
  name: string,
  path: (string | number)[],
  provider: ProviderV1,
  known: string[],
): ConfigIssue {
  const { catalog } = provider;
  const wellFormed = catalog.namePattern !== undefined && new RegExp(catalog.namePattern).test(name);
  if (catalog.exhaustive && wellFormed) {
    return warning(
      path,
      `"${name}" is not in hubfleet's offline catalog of ${provider.displayName} instance types, so its size is not checked here; \`plan\` checks it against what the account offers in the region`,
      `\`hubfleet catalog ${provider.id}\` lists the types hubfleet knows sizes and prices for`,
    );
  }
  const suggestion = didYouMean(name, known);
  const hint = suggestion
    ? `did you mean "${suggestion}"?`
    : `see \`hubfleet catalog ${provider.id}\` for the known types`;
  return catalog.exhaustive
    ? error(path, `"${name}" is not a ${provider.displayName} instance type`, hint)
    : warning(
        path,
        `flavor "${name}" is not in hubfleet's list for ${provider.displayName}; it will be checked against the cloud before anything is created`,
        hint,
      );
}

/**
 * Instance types against the provider's catalog: unknown names (an error where the catalog is
 * exhaustive, a warning where flavors differ per cloud), GPU groups on GPU machines, and requests
 * that could never fit on their nodegroup's machines.
 */
export function checkCatalog(config: HubfleetConfig, provider: ProviderV1): ConfigIssue[] {
  const byName = new Map(provider.catalog.machines.map((machine) => [machine.name, machine]));
  const machineOf = new Map<string, MachineTypeV1>();
  const issues: ConfigIssue[] = [];
  config.cluster.nodeGroups.forEach((group, index) => {
    const path = ['cluster', 'nodeGroups', index, 'instanceType'];
    const machine = byName.get(group.instanceType);
    if (!machine) {
      issues.push(unknownTypeIssue(group.instanceType, path, provider, [...byName.keys()]));
      return;
    }
    machineOf.set(group.name, machine);
    if (group.gpu && (machine.gpu?.count ?? 0) < group.gpu.count) {
      issues.push(
        error(
          path,
          `${machine.name} has ${machine.gpu?.count ?? 0} GPU(s) but gpu.count is ${group.gpu.count}`,
          'use a GPU instance type, or lower gpu.count',
        ),
      );
    }
  });
  const defaultUsers = config.cluster.nodeGroups.find((group) => group.role === 'users')?.name;
  config.hubs.forEach((hub, hubIndex) => {
    const defaultMachine = defaultUsers ? machineOf.get(defaultUsers) : undefined;
    if (defaultMachine) {
      issues.push(
        ...fitIssues(
          defaultMachine,
          { cpu: hub.resources?.cpu?.guarantee, memory: hub.resources?.memory?.guarantee },
          ['hubs', hubIndex, 'resources'],
          'the default user server',
        ),
      );
    }
    hub.profiles.forEach((profile, index) => {
      const groupName =
        profile.nodeGroup ??
        (profile.gpu ? config.cluster.nodeGroups.find((group) => group.role === 'gpu')?.name : defaultUsers);
      const machine = groupName ? machineOf.get(groupName) : undefined;
      if (!machine) return;
      issues.push(
        ...fitIssues(
          machine,
          { cpu: profile.cpu?.guarantee, memory: profile.memory?.guarantee, gpu: profile.gpu },
          ['hubs', hubIndex, 'profiles', index],
          `profile "${profile.name}"`,
        ),
      );
    });
  });
  config.tools.placeholders.forEach((placeholder, index) => {
    const machine = machineOf.get(placeholder.nodeGroup);
    if (machine) {
      issues.push(
        ...fitIssues(
          machine,
          placeholder,
          ['tools', 'placeholders', index],
          `placeholder "${placeholder.name}"`,
        ),
      );
    }
  });
  return issues;
}
