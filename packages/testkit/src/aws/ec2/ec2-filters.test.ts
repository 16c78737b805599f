import { describe, expect, it } from 'vitest';
import { cidrContains, cidrsOverlap, parseCidr } from './ec2-cidr.js';
import { type FilterTable, matchesFilters, parseFilters, wildcardPattern } from './ec2-filters.js';

interface Disk {
  id: string;
  size: number;
}

const DISK_FILTERS: FilterTable<Disk> = { 'volume-id': (disk) => disk.id, size: (disk) => disk.size };

describe('EC2 filters', () => {
  it('reads Filter.N.Name and Filter.N.Value.M from the query parameters', () => {
    expect(
      parseFilters({
        'Filter.1.Name': 'tag:hubfleet.io/hub',
        'Filter.1.Value.1': 'research',
        'Filter.1.Value.2': 'teaching',
        'Filter.2.Name': 'status',
        'Filter.2.Value.1': 'available',
      }),
    ).toEqual([
      { name: 'tag:hubfleet.io/hub', values: ['research', 'teaching'] },
      { name: 'status', values: ['available'] },
    ]);
  });

  it('treats * and ? as wildcards and \\ as their escape', () => {
    expect(wildcardPattern('hub-*').test('hub-research')).toBe(true);
    expect(wildcardPattern('hub-?').test('hub-ab')).toBe(false);
    expect(wildcardPattern('a.b').test('axb')).toBe(false);
    expect(wildcardPattern('100\\*').test('100*')).toBe(true);
    expect(wildcardPattern('100\\*').test('1000')).toBe(false);
  });

  it('ANDs filters, ORs values, and matches tags by key, tag-key and tag-value', () => {
    const disk = { id: 'vol-1', size: 10 };
    const tags = { 'hubfleet.io/hub': 'research' };
    const match = (filters: { name: string; values: string[] }[]) =>
      matchesFilters(disk, tags, filters, DISK_FILTERS);
    expect(
      match([
        { name: 'size', values: ['10'] },
        { name: 'tag:hubfleet.io/hub', values: ['teaching', 'research'] },
      ]),
    ).toBe(true);
    expect(
      match([
        { name: 'size', values: ['10'] },
        { name: 'tag:hubfleet.io/hub', values: ['teaching'] },
      ]),
    ).toBe(false);
    expect(match([{ name: 'tag-key', values: ['hubfleet.io/*'] }])).toBe(true);
    expect(match([{ name: 'tag-value', values: ['research'] }])).toBe(true);
    expect(match([{ name: 'tag:missing', values: ['*'] }])).toBe(false);
  });
});

describe('EC2 CIDR blocks', () => {
  it('parses aligned IPv4 blocks only', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ network: 0x0a000000, prefix: 16 });
    expect(parseCidr('10.0.0.1/16')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('300.0.0.0/8')).toBeUndefined();
  });

  it('tells containment and overlap', () => {
    const vpc = parseCidr('10.0.0.0/16');
    const subnet = parseCidr('10.0.4.0/22');
    const inner = parseCidr('10.0.5.0/24');
    const outside = parseCidr('10.1.0.0/24');
    if (!vpc || !subnet || !inner || !outside) throw new Error('test CIDRs must parse');
    expect(cidrContains(vpc, subnet)).toBe(true);
    expect(cidrContains(vpc, outside)).toBe(false);
    expect(cidrsOverlap(subnet, inner)).toBe(true);
    expect(cidrsOverlap(inner, outside)).toBe(false);
  });
});
