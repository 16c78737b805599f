import type { GoogleRequest } from '../google-protocol.js';
import type { MachineTypeRecord } from '../machine-types.js';
import { computeNotFound } from './compute-errors.js';
import { computeLink } from './compute-links.js';
import { listAnswer } from './compute-list.js';
import type { ComputeContext } from './compute-settings.js';

function render(project: string, zone: string, type: MachineTypeRecord): Record<string, unknown> {
  return {
    kind: 'compute#machineType',
    id: String(1000 + type.guestCpus * 1000 + type.memoryMb),
    name: type.name,
    description: `${type.guestCpus} vCPUs, ${type.memoryMb / 1024} GB RAM`,
    guestCpus: type.guestCpus,
    memoryMb: type.memoryMb,
    isSharedCpu: type.isSharedCpu ?? false,
    maximumPersistentDisks: 128,
    maximumPersistentDisksSizeGb: '263168',
    zone,
    ...(type.accelerators ? { accelerators: type.accelerators } : {}),
    selfLink: computeLink(`projects/${project}/zones/${zone}/machineTypes/${type.name}`),
  };
}

export function listMachineTypes(context: ComputeContext, request: GoogleRequest): unknown {
  const { project = '', zone = '' } = request.labels;
  return listAnswer(
    'compute#machineTypeList',
    computeLink(`projects/${project}/zones/${zone}/machineTypes`),
    context.machineTypes.map((type) => render(project, zone, type)),
    request.query,
  );
}

export function getMachineType(context: ComputeContext, request: GoogleRequest): unknown {
  const { project = '', zone = '', machineType = '' } = request.labels;
  const type = context.machineTypes.find((candidate) => candidate.name === machineType);
  if (!type) throw computeNotFound(`projects/${project}/zones/${zone}/machineTypes/${machineType}`);
  return render(project, zone, type);
}
