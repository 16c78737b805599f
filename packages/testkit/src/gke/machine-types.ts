/**
 * Compute Engine machine types the fakes know, per zone (every zone offers these). A small, real
 * subset: names, vCPUs and memory as `gcloud compute machine-types describe` shows them.
 */
export interface MachineTypeRecord {
  name: string;
  guestCpus: number;
  memoryMb: number;
  /** Accelerators bundled with the type (A2, G2); other types take them through `accelerators`. */
  accelerators?: { guestAcceleratorType: string; guestAcceleratorCount: number }[];
  isSharedCpu?: boolean;
}

const standard = (family: string, memoryPerCpuMb: number, sizes: number[]): MachineTypeRecord[] =>
  sizes.map((cpus) => ({ name: `${family}-${cpus}`, guestCpus: cpus, memoryMb: cpus * memoryPerCpuMb }));

export const DEFAULT_MACHINE_TYPES: readonly MachineTypeRecord[] = [
  { name: 'e2-micro', guestCpus: 2, memoryMb: 1024, isSharedCpu: true },
  { name: 'e2-small', guestCpus: 2, memoryMb: 2048, isSharedCpu: true },
  { name: 'e2-medium', guestCpus: 2, memoryMb: 4096, isSharedCpu: true },
  ...standard('e2-standard', 4096, [2, 4, 8, 16, 32]),
  ...standard('e2-highmem', 8192, [2, 4, 8, 16]),
  { name: 'n1-standard-1', guestCpus: 1, memoryMb: 3840 },
  ...standard('n1-standard', 3840, [2, 4, 8, 16, 32]),
  ...standard('n1-highmem', 6656, [2, 4, 8, 16]),
  ...standard('n2-standard', 4096, [2, 4, 8, 16, 32]),
  ...standard('n2-highmem', 8192, [2, 4, 8, 16]),
  ...standard('n2d-standard', 4096, [2, 4, 8, 16]),
  {
    name: 'g2-standard-4',
    guestCpus: 4,
    memoryMb: 16384,
    accelerators: [{ guestAcceleratorType: 'nvidia-l4', guestAcceleratorCount: 1 }],
  },
  {
    name: 'g2-standard-8',
    guestCpus: 8,
    memoryMb: 32768,
    accelerators: [{ guestAcceleratorType: 'nvidia-l4', guestAcceleratorCount: 1 }],
  },
  {
    name: 'a2-highgpu-1g',
    guestCpus: 12,
    memoryMb: 87040,
    accelerators: [{ guestAcceleratorType: 'nvidia-tesla-a100', guestAcceleratorCount: 1 }],
  },
];

/** Accelerator types attachable to N1 machines (`accelerators` on a node pool). */
export const ATTACHABLE_ACCELERATORS: readonly string[] = [
  'nvidia-tesla-t4',
  'nvidia-tesla-v100',
  'nvidia-tesla-p100',
];
