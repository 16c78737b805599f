import type { MachineCatalogV1, MachineTypeV1 } from '@hubfleet/core';

type Flavor = [name: string, cpu: number, memoryGiB: number];

function flavors(list: readonly Flavor[]): MachineTypeV1[] {
  return list.map(([name, cpu, memoryGiB]) => ({ name, cpu, memoryGiB }));
}

function gpuFlavors(model: string, list: readonly [...Flavor, gpuCount: number][]): MachineTypeV1[] {
  return list.map(([name, cpu, memoryGiB, count]) => ({ name, cpu, memoryGiB, gpu: { count, model } }));
}

// Guide 002 names no flavors. The sizes below are the STFC Cloud flavors whose vCPU and RAM are
// published (STFC's ISIS workspace specifications, 2024-02, and user guides for l3.nano); others,
// such as l3.small or the g-v100 and g-a100 GPU flavors, exist but their sizes are not in a public
// table, so they are left to the check against the cloud before anything is created.
const local = flavors([
  // l*: dedicated cores with the root disk on local SSD (STFC "Flavors").
  ['l3.nano', 2, 8],
  ['l3.micro', 4, 16],
  ['l3.tiny', 8, 30],
  ['l2.tiny', 8, 30],
  ['l2.xsmall', 16, 60],
  ['l2.small', 30, 123],
  ['l2.medium', 60, 245],
]);

// g-*: the same CPUs with GPUs attached; 002 "Enabling GPU Workers" runs them with the GPU operator.
const gpu = gpuFlavors('NVIDIA Quadro RTX 4000', [
  ['g-rtx4000.x1', 12, 90, 1],
  ['g-rtx4000.x2', 28, 180, 2],
  ['g-rtx4000.x4', 60, 350, 4],
]);

/**
 * STFC Cloud flavors with known sizes. Not exhaustive: flavors differ per project, so an unknown name
 * is a warning offline and is checked against the cloud before anything is created. No prices: the
 * STFC Cloud allocates resources to research projects rather than billing by the hour.
 */
export const openstackCatalog: MachineCatalogV1 = {
  exhaustive: false,
  priceSource:
    'no hourly prices: the STFC Cloud allocates resources instead of billing by the hour; flavor sizes from STFC public documentation as read by the authors',
  priceDate: '2026-11-21',
  currency: 'USD',
  machines: [...local, ...gpu],
};
