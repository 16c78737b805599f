import type { MachineCatalogV1, MachineTypeV1 } from '@hubfleet/core';

type Size = [suffix: string, cpu: number, memoryGiB: number, hourlyPrice: number];

/** One instance family in several sizes, e.g. `family('t3a', [['large', 2, 8, 0.0752]])`. */
function family(name: string, sizes: readonly Size[]): MachineTypeV1[] {
  return sizes.map(([suffix, cpu, memoryGiB, hourlyPrice]) => ({
    name: `${name}.${suffix}`,
    cpu,
    memoryGiB,
    hourlyPrice,
  }));
}

type GpuSize = [...Size, gpuCount: number];

function gpuFamily(name: string, model: string, sizes: readonly GpuSize[]): MachineTypeV1[] {
  return sizes.map(([suffix, cpu, memoryGiB, hourlyPrice, count]) => ({
    name: `${name}.${suffix}`,
    cpu,
    memoryGiB,
    gpu: { count, model },
    hourlyPrice,
  }));
}

// Burstable: cheap for the tools and core groups, which idle most of the time (001).
const burstable = [
  ...family('t3', [
    ['medium', 2, 4, 0.0416],
    ['large', 2, 8, 0.0832],
    ['xlarge', 4, 16, 0.1664],
    ['2xlarge', 8, 32, 0.3328],
  ]),
  // DS@OSU's user sizes are t3a.large and t3a.2xlarge (000 step 00).
  ...family('t3a', [
    ['medium', 2, 4, 0.0376],
    ['large', 2, 8, 0.0752],
    ['xlarge', 4, 16, 0.1504],
    ['2xlarge', 8, 32, 0.3008],
  ]),
];

const generalPurpose = [
  ...family('m5', [
    ['large', 2, 8, 0.096],
    ['xlarge', 4, 16, 0.192],
    ['2xlarge', 8, 32, 0.384],
    ['4xlarge', 16, 64, 0.768],
    ['8xlarge', 32, 128, 1.536],
  ]),
  ...family('m6i', [
    ['large', 2, 8, 0.096],
    ['xlarge', 4, 16, 0.192],
    ['2xlarge', 8, 32, 0.384],
    ['4xlarge', 16, 64, 0.768],
    ['8xlarge', 32, 128, 1.536],
  ]),
  ...family('m6a', [
    ['large', 2, 8, 0.0864],
    ['xlarge', 4, 16, 0.1728],
    ['2xlarge', 8, 32, 0.3456],
    ['4xlarge', 16, 64, 0.6912],
    ['8xlarge', 32, 128, 1.3824],
  ]),
  ...family('m7i', [
    ['large', 2, 8, 0.1008],
    ['xlarge', 4, 16, 0.2016],
    ['2xlarge', 8, 32, 0.4032],
    ['4xlarge', 16, 64, 0.8064],
    ['8xlarge', 32, 128, 1.6128],
  ]),
];

const computeOptimized = [
  ...family('c5', [
    ['large', 2, 4, 0.085],
    ['xlarge', 4, 8, 0.17],
    ['2xlarge', 8, 16, 0.34],
    ['4xlarge', 16, 32, 0.68],
    ['9xlarge', 36, 72, 1.53],
  ]),
  ...family('c6i', [
    ['large', 2, 4, 0.085],
    ['xlarge', 4, 8, 0.17],
    ['2xlarge', 8, 16, 0.34],
    ['4xlarge', 16, 32, 0.68],
    ['8xlarge', 32, 64, 1.36],
  ]),
];

const memoryOptimized = [
  ...family('r5', [
    ['large', 2, 16, 0.126],
    ['xlarge', 4, 32, 0.252],
    ['2xlarge', 8, 64, 0.504],
    ['4xlarge', 16, 128, 1.008],
    ['8xlarge', 32, 256, 2.016],
  ]),
  ...family('r6i', [
    ['large', 2, 16, 0.126],
    ['xlarge', 4, 32, 0.252],
    ['2xlarge', 8, 64, 0.504],
    ['4xlarge', 16, 128, 1.008],
    ['8xlarge', 32, 256, 2.016],
  ]),
];

const gpu = [
  // DS@OSU's GPU group is g4dn.xlarge (000 step 00).
  ...gpuFamily('g4dn', 'NVIDIA T4', [
    ['xlarge', 4, 16, 0.526, 1],
    ['2xlarge', 8, 32, 0.752, 1],
    ['4xlarge', 16, 64, 1.204, 1],
    ['8xlarge', 32, 128, 2.176, 1],
    ['12xlarge', 48, 192, 3.912, 4],
  ]),
  ...gpuFamily('g5', 'NVIDIA A10G', [
    ['xlarge', 4, 16, 1.006, 1],
    ['2xlarge', 8, 32, 1.212, 1],
    ['4xlarge', 16, 64, 1.624, 1],
    ['8xlarge', 32, 128, 2.448, 1],
    ['12xlarge', 48, 192, 5.672, 4],
  ]),
  ...gpuFamily('g6', 'NVIDIA L4', [
    ['xlarge', 4, 16, 0.8048, 1],
    ['2xlarge', 8, 32, 0.9776, 1],
    ['4xlarge', 16, 64, 1.3232, 1],
    ['8xlarge', 32, 128, 2.0144, 1],
    ['12xlarge', 48, 192, 4.6016, 4],
  ]),
  ...gpuFamily('p3', 'NVIDIA V100', [
    ['2xlarge', 8, 61, 3.06, 1],
    ['8xlarge', 32, 244, 12.24, 4],
  ]),
];

/**
 * EC2 instance types an operator would pick for hub nodegroups, with sizes (for capacity checks) and
 * us-west-2 prices (for estimates and the autoscaler's cheapest-first order). A well-formed name not
 * listed is a warning offline and checked against the account by `plan` (EC2
 * DescribeInstanceTypes/Offerings); a malformed one is refused with a suggestion.
 */
export const awsCatalog: MachineCatalogV1 = {
  exhaustive: true,
  priceSource:
    'EC2 on-demand Linux list prices for us-west-2 as known to the authors; approximate estimates, not read from the AWS Price List API — verify before budgeting',
  priceDate: '2026-11-21',
  priceRegion: 'us-west-2',
  // family (letters, digits, options such as `g6e`, `m7i-flex`, `u-6tb1`) . size
  namePattern: '^[a-z][a-z0-9-]*\\.(nano|micro|small|medium|large|metal|\\d*xlarge|metal-\\d+xl)$',
  currency: 'USD',
  machines: [...burstable, ...generalPurpose, ...computeOptimized, ...memoryOptimized, ...gpu],
};
