import type { MachineCatalogV1, MachineTypeV1 } from '@hubfleet/core';

type Size = [suffix: string, cpu: number, memoryGiB: number, hourlyPrice: number];

/** One machine series in several sizes, e.g. `series('n2-standard', [['4', 4, 16, 0.194236]])`. */
function series(name: string, sizes: readonly Size[]): MachineTypeV1[] {
  return sizes.map(([suffix, cpu, memoryGiB, hourlyPrice]) => ({
    name: `${name}-${suffix}`,
    cpu,
    memoryGiB,
    hourlyPrice,
  }));
}

type GpuSize = [...Size, gpuCount: number];

function gpuSeries(name: string, model: string, sizes: readonly GpuSize[]): MachineTypeV1[] {
  return sizes.map(([suffix, cpu, memoryGiB, hourlyPrice, count]) => ({
    name: `${name}-${suffix}`,
    cpu,
    memoryGiB,
    gpu: { count, model },
    hourlyPrice,
  }));
}

// Shared-core E2 types report 2 vCPUs to Kubernetes but sustain only part of them (e2-small 0.5,
// e2-medium 1): fine for the tools group, too small for users. e2-micro is too small for GKE nodes.
const e2 = [
  ...series('e2', [
    ['small', 2, 2, 0.016751],
    ['medium', 2, 4, 0.033503],
  ]),
  ...series('e2-standard', [
    ['2', 2, 8, 0.067006],
    ['4', 4, 16, 0.134012],
    ['8', 8, 32, 0.268024],
    ['16', 16, 64, 0.536048],
    ['32', 32, 128, 1.072096],
  ]),
  ...series('e2-highmem', [
    ['2', 2, 16, 0.090416],
    ['4', 4, 32, 0.180832],
    ['8', 8, 64, 0.361664],
    ['16', 16, 128, 0.723328],
  ]),
  ...series('e2-highcpu', [
    ['2', 2, 2, 0.049468],
    ['4', 4, 4, 0.098936],
    ['8', 8, 8, 0.197872],
    ['16', 16, 16, 0.395744],
  ]),
];

// N1 is what Zero to JupyterHub's GKE guide (and so Rhodes, 003) uses. GKE attaches T4, P4, V100 or
// P100 GPUs to N1 machines as separate accelerators; hubfleet does not model accelerators yet, so the
// N1 types here have no GPU and a gpu nodegroup must use a type whose GPU is built in (G2, A2).
const n1 = [
  ...series('n1-standard', [
    ['1', 1, 3.75, 0.0475],
    ['2', 2, 7.5, 0.095],
    ['4', 4, 15, 0.19],
    ['8', 8, 30, 0.38],
    ['16', 16, 60, 0.76],
    ['32', 32, 120, 1.52],
  ]),
  ...series('n1-highmem', [
    ['2', 2, 13, 0.1184],
    ['4', 4, 26, 0.2368],
    ['8', 8, 52, 0.4736],
    ['16', 16, 104, 0.9472],
  ]),
  ...series('n1-highcpu', [
    ['2', 2, 1.8, 0.0709],
    ['4', 4, 3.6, 0.1418],
    ['8', 8, 7.2, 0.2836],
    ['16', 16, 14.4, 0.5672],
  ]),
];

const n2 = [
  ...series('n2-standard', [
    ['2', 2, 8, 0.097118],
    ['4', 4, 16, 0.194236],
    ['8', 8, 32, 0.388472],
    ['16', 16, 64, 0.776944],
    ['32', 32, 128, 1.553888],
  ]),
  ...series('n2-highmem', [
    ['2', 2, 16, 0.131014],
    ['4', 4, 32, 0.262028],
    ['8', 8, 64, 0.524056],
    ['16', 16, 128, 1.048112],
  ]),
  ...series('n2d-standard', [
    ['2', 2, 8, 0.084492],
    ['4', 4, 16, 0.168984],
    ['8', 8, 32, 0.337968],
    ['16', 16, 64, 0.675936],
    ['32', 32, 128, 1.351872],
  ]),
  ...series('n2d-highmem', [
    ['2', 2, 16, 0.11399],
    ['4', 4, 32, 0.22798],
    ['8', 8, 64, 0.45596],
  ]),
];

const c2 = series('c2-standard', [
  ['4', 4, 16, 0.2088],
  ['8', 8, 32, 0.4176],
  ['16', 16, 64, 0.8352],
  ['30', 30, 120, 1.566],
]);

const gpu = [
  ...gpuSeries('g2-standard', 'NVIDIA L4', [
    ['4', 4, 16, 0.706832, 1],
    ['8', 8, 32, 0.853624, 1],
    ['12', 12, 48, 1.000416, 1],
    ['16', 16, 64, 1.147208, 1],
    ['24', 24, 96, 2.000832, 2],
    ['32', 32, 128, 1.734376, 1],
    ['48', 48, 192, 4.001664, 4],
  ]),
  ...gpuSeries('a2-highgpu', 'NVIDIA A100 40GB', [
    ['1g', 12, 85, 3.673385, 1],
    ['2g', 24, 170, 7.34677, 2],
    ['4g', 48, 340, 14.69354, 4],
  ]),
  ...gpuSeries('a2-ultragpu', 'NVIDIA A100 80GB', [['1g', 12, 170, 5.06879, 1]]),
];

/**
 * Compute Engine machine types an operator would pick for GKE node pools. Exhaustive for hubfleet's
 * purposes: a name not listed is refused with a suggestion, so add a type here when someone needs it.
 */
export const gkeCatalog: MachineCatalogV1 = {
  exhaustive: true,
  priceSource:
    'Compute Engine on-demand list prices for us-central1 as known to the authors, without the GKE cluster management fee; approximate estimates, not read from the Cloud Billing Catalog API — verify before budgeting',
  priceDate: '2026-11-21',
  priceRegion: 'us-central1',
  // series - class (- size or other qualifiers): e2-micro, n1-standard-4, a2-highgpu-1g, custom-4-16384
  namePattern: '^[a-z][a-z0-9]*-[a-z0-9]+(-[a-z0-9]+)*$',
  currency: 'USD',
  machines: [...e2, ...n1, ...n2, ...c2, ...gpu],
};
