import { describe, expect, it } from 'vitest';
import { gkeCatalog } from './gke-catalog.js';

const GPU_SERIES = /^(g2|a2)-/;

describe('gkeCatalog', () => {
  it('is exhaustive, priced in USD, and says where and when the prices came from', () => {
    expect(gkeCatalog.exhaustive).toBe(true);
    expect(gkeCatalog.currency).toBe('USD');
    expect(gkeCatalog.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(gkeCatalog.priceDate))).toBe(false);
    expect(gkeCatalog.priceSource).toMatch(/us-central1/);
    expect(gkeCatalog.priceSource).toMatch(/approximate|estimate/);
  });

  it('names each machine type once', () => {
    const names = gkeCatalog.machines.map((machine) => machine.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has positive CPU, memory and price for every type', () => {
    for (const machine of gkeCatalog.machines) {
      expect(machine.cpu, machine.name).toBeGreaterThan(0);
      expect(machine.memoryGiB, machine.name).toBeGreaterThan(0);
      expect(machine.hourlyPrice, machine.name).toBeGreaterThan(0);
    }
  });

  it('gives G2 and A2 their built-in GPUs, and N1 none (accelerators are not modelled)', () => {
    for (const machine of gkeCatalog.machines) {
      if (GPU_SERIES.test(machine.name)) {
        expect(machine.gpu?.count, machine.name).toBeGreaterThan(0);
        expect(machine.gpu?.model, machine.name).toMatch(/^NVIDIA /);
      } else {
        expect(machine.gpu, machine.name).toBeUndefined();
      }
    }
  });

  it('lists the z2jh default the Rhodes example uses and the common series', () => {
    const names = new Set(gkeCatalog.machines.map((machine) => machine.name));
    for (const name of [
      'n1-standard-2',
      'e2-standard-4',
      'n2-standard-8',
      'n2d-standard-4',
      'c2-standard-8',
      'g2-standard-4',
      'a2-highgpu-1g',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });
});
