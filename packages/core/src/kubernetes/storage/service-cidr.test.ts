import { describe, expect, it } from 'vitest';
import { HubfleetError } from '../../errors/index.js';
import { ipv4ToNumber, numberToIpv4, parseServiceCidr, staticBandSize } from './service-cidr.js';

describe('parseServiceCidr', () => {
  it('reads an IPv4 CIDR', () => {
    expect(parseServiceCidr('10.100.0.0/16')).toEqual({
      network: ipv4ToNumber('10.100.0.0'),
      prefixLength: 16,
      size: 65_536,
    });
    expect(numberToIpv4(parseServiceCidr('172.20.0.0/16').network)).toBe('172.20.0.0');
  });

  it.each([
    ['fd00::/108', 'is not an IPv4 CIDR'],
    ['10.100.0.0', 'prefix length'],
    ['10.300.0.0/16', 'is not an IPv4 CIDR'],
    ['10.100.0.0/8', 'prefix length'],
    ['10.100.1.0/16', 'host bits'],
  ])('refuses %s with a reason', (cidr, reason) => {
    expect(() => parseServiceCidr(cidr)).toThrow(HubfleetError);
    expect(() => parseServiceCidr(cidr)).toThrow(reason);
  });
});

describe('staticBandSize', () => {
  it('follows KEP-3070: min(max(16, size/16), 256)', () => {
    expect(staticBandSize(parseServiceCidr('10.96.0.0/12'))).toBe(256);
    expect(staticBandSize(parseServiceCidr('10.100.0.0/16'))).toBe(256);
    expect(staticBandSize(parseServiceCidr('10.100.0.0/20'))).toBe(256);
    expect(staticBandSize(parseServiceCidr('10.100.0.0/22'))).toBe(64);
    expect(staticBandSize(parseServiceCidr('10.100.0.0/24'))).toBe(16);
    expect(staticBandSize(parseServiceCidr('10.100.0.0/28'))).toBe(16);
  });
});
