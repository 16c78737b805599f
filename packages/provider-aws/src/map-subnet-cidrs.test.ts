import { describe, expect, it } from 'vitest';
import { freeSubnetSlots, subnetSlots } from './map-subnet-cidrs.js';

describe('subnetSlots', () => {
  it('cuts a /16 into eight /19 blocks in address order', () => {
    expect(subnetSlots('10.40.0.0/16')).toEqual([
      '10.40.0.0/19',
      '10.40.32.0/19',
      '10.40.64.0/19',
      '10.40.96.0/19',
      '10.40.128.0/19',
      '10.40.160.0/19',
      '10.40.192.0/19',
      '10.40.224.0/19',
    ]);
  });

  it('stops at /28, the smallest subnet AWS allows', () => {
    const slots = subnetSlots('192.168.7.0/26');
    expect(slots).toHaveLength(4);
    expect(slots[3]).toBe('192.168.7.48/28');
  });

  it('starts from the network address even when the CIDR names a host', () => {
    expect(subnetSlots('10.40.9.9/16')[0]).toBe('10.40.0.0/19');
  });

  it('skips the blocks existing subnets use', () => {
    expect(freeSubnetSlots('10.40.0.0/16', ['10.40.0.0/19', '10.40.64.0/19']).slice(0, 2)).toEqual([
      '10.40.32.0/19',
      '10.40.96.0/19',
    ]);
  });
});
