import { describe, expect, it } from 'vitest';
import { nectarCatalog } from './nectar-catalog.js';

describe('nectarCatalog', () => {
  it('is not exhaustive and has no hourly prices, and says why', () => {
    expect(nectarCatalog.exhaustive).toBe(false);
    expect(nectarCatalog.priceSource).toContain('service units');
    expect(nectarCatalog.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(nectarCatalog.priceDate))).toBe(false);
    for (const machine of nectarCatalog.machines) {
      expect(machine.hourlyPrice, machine.name).toBeUndefined();
    }
  });

  it('names each flavor once, with positive CPU and memory and no GPU', () => {
    const names = nectarCatalog.machines.map((machine) => machine.name);
    expect(new Set(names).size).toBe(names.length);
    for (const machine of nectarCatalog.machines) {
      expect(machine.cpu, machine.name).toBeGreaterThan(0);
      expect(machine.memoryGiB, machine.name).toBeGreaterThan(0);
      expect(machine.gpu, machine.name).toBeUndefined();
    }
  });

  it('gives r3 more memory per core than m3 and c3', () => {
    const memoryPerCore = (name: string) => {
      const machine = nectarCatalog.machines.find((candidate) => candidate.name === name);
      return (machine?.memoryGiB ?? 0) / (machine?.cpu ?? 1);
    };
    expect(memoryPerCore('r3.large')).toBeGreaterThan(memoryPerCore('m3.large'));
    expect(memoryPerCore('c3.large')).toBe(memoryPerCore('m3.large'));
  });

  it('lists the flavors the reference and the example use', () => {
    const names = new Set(nectarCatalog.machines.map((machine) => machine.name));
    for (const name of ['m3.small', 'm3.medium', 'm3.large']) expect(names.has(name), name).toBe(true);
  });
});
