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
      const suggestion = didYouMean(group.instanceType, [...byName.keys()]);
      const hint = suggestion
        ? `did you mean "${suggestion}"?`
        : `see \`hubfleet catalog ${provider.id}\` for the known types`;
      issues.push(
        provider.catalog.exhaustive
          ? error(path, `"${group.instanceType}" is not a ${provider.displayName} instance type`, hint)
          : warning(
              path,
              `flavor "${group.instanceType}" is not in hubfleet's list for ${provider.displayName}; it will be checked against the cloud before anything is created`,
              hint,
            ),
      );
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
