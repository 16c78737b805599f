import type { MachineCatalogV1, MachineTypeV1 } from '@hubfleet/core';

type Size = [suffix: string, cpu: number, memoryGiB: number];

function family(name: string, sizes: readonly Size[]): MachineTypeV1[] {
  return sizes.map(([suffix, cpu, memoryGiB]) => ({ name: `${name}.${suffix}`, cpu, memoryGiB }));
}

const balanced: readonly Size[] = [
  ['xsmall', 1, 2],
  ['small', 2, 4],
  ['medium', 4, 8],
  ['large', 8, 16],
  ['xlarge', 16, 32],
  ['xxlarge', 32, 64],
];

// Guide 004 leaves the flavor to `instance_flavour` and names none. These are the NeCTAR flavor
// families as published (Nectar flavor tables, as read by the authors): m3 general purpose, c3 the same
// shapes on dedicated compute nodes, r3 with more memory per core, t3 tiny. GPU flavors are granted
// per project through reservations and differ per node, so none is listed, and gpu nodegroups are
// refused until one is (nectar-rules.ts).
const machines = [
  ...family('m3', balanced),
  ...family('c3', [...balanced, ['3xlarge', 64, 128]]),
  ...family('r3', [
    ['xsmall', 1, 4],
    ['small', 2, 8],
    ['medium', 4, 16],
    ['large', 8, 32],
    ['xlarge', 16, 64],
    ['xxlarge', 32, 128],
  ]),
  ...family('t3', [['xsmall', 1, 1]]),
];

/**
 * NeCTAR flavors with known sizes. Not exhaustive: flavors differ per availability zone and project, so
 * an unknown name is a warning offline and is checked against the cloud before anything is created.
 * No prices: NeCTAR charges allocations in service units, not money by the hour.
 */
export const nectarCatalog: MachineCatalogV1 = {
  exhaustive: false,
  priceSource:
    'no hourly prices: NeCTAR allocations are charged in service units, not money; flavor sizes from the published NeCTAR flavor tables as read by the authors',
  priceDate: '2026-11-21',
  currency: 'USD',
  machines,
};
