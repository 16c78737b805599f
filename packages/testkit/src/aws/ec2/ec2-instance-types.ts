/** One EC2 instance type as DescribeInstanceTypes describes it (the fields hubfleet reads). */
export interface InstanceTypeSpec {
  name: string;
  vcpus: number;
  memoryMiB: number;
  architecture: 'x86_64' | 'arm64';
  gpu?: { name: string; manufacturer: string; count: number; memoryMiB: number };
  /**
   * Where it is offered: region → zone letters. Absent: in every region the fake serves, in every
   * zone. Modelled on the real pattern that large GPU types exist only in some regions and zones.
   */
  offeredIn?: Readonly<Record<string, readonly string[]>>;
}

const GIB = 1024;

type Size = [suffix: string, vcpus: number, memoryGiB: number];

function family(name: string, sizes: readonly Size[], architecture: 'x86_64' | 'arm64' = 'x86_64') {
  return sizes.map(
    ([suffix, vcpus, memoryGiB]): InstanceTypeSpec => ({
      name: `${name}.${suffix}`,
      vcpus,
      memoryMiB: memoryGiB * GIB,
      architecture,
    }),
  );
}

type GpuSize = [...Size, gpus: number];

function gpuFamily(
  name: string,
  gpu: { name: string; manufacturer: string; memoryGiB: number },
  sizes: readonly GpuSize[],
  offeredIn?: InstanceTypeSpec['offeredIn'],
) {
  return sizes.map(
    ([suffix, vcpus, memoryGiB, count]): InstanceTypeSpec => ({
      name: `${name}.${suffix}`,
      vcpus,
      memoryMiB: memoryGiB * GIB,
      architecture: 'x86_64',
      gpu: { name: gpu.name, manufacturer: gpu.manufacturer, count, memoryMiB: gpu.memoryGiB * GIB },
      ...(offeredIn === undefined ? {} : { offeredIn }),
    }),
  );
}

const GENERAL: readonly Size[] = [
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
  ['4xlarge', 16, 64],
  ['8xlarge', 32, 128],
  ['12xlarge', 48, 192],
  ['16xlarge', 64, 256],
];
const COMPUTE: readonly Size[] = [
  ['large', 2, 4],
  ['xlarge', 4, 8],
  ['2xlarge', 8, 16],
  ['4xlarge', 16, 32],
  ['8xlarge', 32, 64],
];
const MEMORY: readonly Size[] = [
  ['large', 2, 16],
  ['xlarge', 4, 32],
  ['2xlarge', 8, 64],
  ['4xlarge', 16, 128],
  ['8xlarge', 32, 256],
];
const BURSTABLE: readonly Size[] = [
  ['nano', 2, 0.5],
  ['micro', 2, 1],
  ['small', 2, 2],
  ['medium', 2, 4],
  ['large', 2, 8],
  ['xlarge', 4, 16],
  ['2xlarge', 8, 32],
];
const P4D_REGIONS = { 'us-east-1': ['a', 'b'], 'us-west-2': ['a', 'b'], 'eu-west-1': ['a'] };

/**
 * The instance types the fake account knows, with sizes from the EC2 instance type pages (a subset:
 * every type hubfleet's offline catalog lists, plus newer families the catalog does not, so tests can
 * tell "unknown to hubfleet" from "not offered by the cloud").
 */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  ...family('t3', BURSTABLE),
  ...family('t3a', BURSTABLE),
  ...family('t4g', BURSTABLE, 'arm64'),
  ...family('m5', GENERAL),
  ...family('m6i', GENERAL),
  ...family('m6a', GENERAL),
  ...family('m6g', GENERAL, 'arm64'),
  ...family('m7i', GENERAL),
  ...family('m7a', [['medium', 1, 4], ...GENERAL]),
  ...family('c5', [...COMPUTE.slice(0, 4), ['9xlarge', 36, 72]]),
  ...family('c6i', COMPUTE),
  ...family('c7i', COMPUTE),
  ...family('r5', MEMORY),
  ...family('r6i', MEMORY),
  ...gpuFamily('g4dn', { name: 'T4', manufacturer: 'NVIDIA', memoryGiB: 16 }, [
    ['xlarge', 4, 16, 1],
    ['2xlarge', 8, 32, 1],
    ['4xlarge', 16, 64, 1],
    ['8xlarge', 32, 128, 1],
    ['12xlarge', 48, 192, 4],
  ]),
  ...gpuFamily('g5', { name: 'A10G', manufacturer: 'NVIDIA', memoryGiB: 24 }, [
    ['xlarge', 4, 16, 1],
    ['2xlarge', 8, 32, 1],
    ['4xlarge', 16, 64, 1],
    ['8xlarge', 32, 128, 1],
    ['12xlarge', 48, 192, 4],
  ]),
  ...gpuFamily('g6', { name: 'L4', manufacturer: 'NVIDIA', memoryGiB: 24 }, [
    ['xlarge', 4, 16, 1],
    ['2xlarge', 8, 32, 1],
    ['4xlarge', 16, 64, 1],
    ['8xlarge', 32, 128, 1],
    ['12xlarge', 48, 192, 4],
  ]),
  ...gpuFamily('g6e', { name: 'L40S', manufacturer: 'NVIDIA', memoryGiB: 48 }, [
    ['xlarge', 4, 32, 1],
    ['2xlarge', 8, 64, 1],
  ]),
  ...gpuFamily('p3', { name: 'V100', manufacturer: 'NVIDIA', memoryGiB: 16 }, [
    ['2xlarge', 8, 61, 1],
    ['8xlarge', 32, 244, 4],
  ]),
  ...gpuFamily(
    'p4d',
    { name: 'A100', manufacturer: 'NVIDIA', memoryGiB: 40 },
    [['24xlarge', 96, 1152, 8]],
    P4D_REGIONS,
  ),
];
