import { describe, expect, it } from 'vitest';
import { awsCatalog } from './aws-catalog.js';

const GPU_FAMILIES = /^(g4dn|g5|g6|p3)\./;

describe('awsCatalog', () => {
  it('is exhaustive, priced in USD, and says where and when the prices came from', () => {
    expect(awsCatalog.exhaustive).toBe(true);
    expect(awsCatalog.currency).toBe('USD');
    expect(awsCatalog.priceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(awsCatalog.priceDate))).toBe(false);
    expect(awsCatalog.priceSource).toMatch(/us-west-2/);
    expect(awsCatalog.priceSource).toMatch(/approximate|estimate/);
  });

  it('names each instance type once', () => {
    const names = awsCatalog.machines.map((machine) => machine.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has positive CPU, memory and price for every type', () => {
    for (const machine of awsCatalog.machines) {
      expect(machine.cpu, machine.name).toBeGreaterThan(0);
      expect(machine.memoryGiB, machine.name).toBeGreaterThan(0);
      expect(machine.hourlyPrice, machine.name).toBeGreaterThan(0);
    }
  });

  it('gives GPU families their GPUs and no GPU to the others', () => {
    for (const machine of awsCatalog.machines) {
      if (GPU_FAMILIES.test(machine.name)) {
        expect(machine.gpu?.count, machine.name).toBeGreaterThan(0);
        expect(machine.gpu?.model, machine.name).toMatch(/^NVIDIA /);
      } else {
        expect(machine.gpu, machine.name).toBeUndefined();
      }
    }
  });

  it('lists the sizes DS@OSU uses (000 step 00) and the common families', () => {
    const names = new Set(awsCatalog.machines.map((machine) => machine.name));
    for (const name of [
      't3a.medium',
      't3a.large',
      't3a.2xlarge',
      'g4dn.xlarge',
      'm6i.xlarge',
      'c6i.large',
      'r6i.large',
      'g5.xlarge',
      'g6.xlarge',
      'p3.2xlarge',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  it('prices a bigger size of a family higher than a smaller one', () => {
    const price = (name: string) =>
      awsCatalog.machines.find((machine) => machine.name === name)?.hourlyPrice ?? 0;
    expect(price('t3a.2xlarge')).toBeGreaterThan(price('t3a.large'));
    expect(price('g4dn.2xlarge')).toBeGreaterThan(price('g4dn.xlarge'));
  });
});
