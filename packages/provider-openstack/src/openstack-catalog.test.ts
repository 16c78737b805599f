import { describe, expect, it } from 'vitest';
import { openstackCatalog } from './openstack-catalog.js';

describe('openstackCatalog', () => {
  it('is not exhaustive and has no hourly prices, and says why', () => {
    expect(openstackCatalog.exhaustive).toBe(false);
    expect(openstackCatalog.priceSource).toContain('no hourly prices');
    expect(openstackCatalog.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(openstackCatalog.priceDate))).toBe(false);
    for (const machine of openstackCatalog.machines) {
      expect(machine.hourlyPrice, machine.name).toBeUndefined();
    }
  });

  it('names each flavor once, with positive CPU and memory', () => {
    const names = openstackCatalog.machines.map((machine) => machine.name);
    expect(new Set(names).size).toBe(names.length);
    for (const machine of openstackCatalog.machines) {
      expect(machine.cpu, machine.name).toBeGreaterThan(0);
      expect(machine.memoryGiB, machine.name).toBeGreaterThan(0);
    }
  });

  it('gives the g-* flavors as many GPUs as their .xN suffix says, and the others none', () => {
    for (const machine of openstackCatalog.machines) {
      if (machine.name.startsWith('g-')) {
        expect(machine.gpu?.count, machine.name).toBe(Number(machine.name.split('.x')[1]));
      } else {
        expect(machine.gpu, machine.name).toBeUndefined();
      }
    }
  });

  it('lists the master flavor of the reference, l3.nano', () => {
    expect(openstackCatalog.machines.some((machine) => machine.name === 'l3.nano')).toBe(true);
  });
});
