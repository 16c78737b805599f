import { describe, expect, it } from 'vitest';
import type { HubConfig } from '../../config/hub.js';
import { HubfleetError } from '../../errors/index.js';
import { nfsClusterIp, nfsClusterIps } from './nfs-cluster-ip.js';
import {
  ipv4ToNumber,
  KUBERNETES_DEFAULT_SERVICE_CIDR,
  parseServiceCidr,
  serviceCidrFor,
  staticBandSize,
} from './service-cidr.js';

type Home = HubConfig['storage']['home'];

function hub(name: string, home: Home = 'shared-nfs'): Pick<HubConfig, 'name' | 'storage'> {
  return { name, storage: { home, size: '10Gi', sharedDir: false, onDelete: 'retain' } };
}

function deployment(...names: string[]) {
  return { hubs: names.map((name) => hub(name)) };
}

function offset(address: string, network = '10.100.0.0'): number {
  return (ipv4ToNumber(address) ?? Number.NaN) - (ipv4ToNumber(network) ?? 0);
}

/** EKS's usual range (VPC outside 10.0.0.0/8). */
const EKS = '10.100.0.0/16';

const MANY = Array.from({ length: 253 }, (_, index) => `hub-${index}`);

describe('nfsClusterIp', () => {
  it('is a pure function of the hub name: same answer every time, in any deployment', () => {
    const alone = nfsClusterIp(deployment('course'), { name: 'course' }, EKS);
    expect(nfsClusterIp(deployment('course'), { name: 'course' }, EKS)).toBe(alone);
    expect(nfsClusterIp(deployment('other', 'course'), { name: 'course' }, EKS)).toBe(alone);
    expect(alone).toMatch(/^10\.100\.0\.\d{1,3}$/);
  });

  it('spreads hubs over the static band of the Service CIDR (EKS 10.100.0.0/16)', () => {
    const addresses = [...nfsClusterIps(deployment(...MANY.slice(0, 200)), EKS).values()];
    expect(new Set(addresses).size).toBe(200);
    for (const address of addresses) {
      expect(offset(address)).toBeGreaterThanOrEqual(2);
      expect(offset(address)).toBeLessThan(256);
    }
  });

  it('never takes .0, .1 (kubernetes) or .10 (cluster DNS)', () => {
    const offsets = [...nfsClusterIps(deployment(...MANY), EKS).values()].map((ip) => offset(ip));
    expect(offsets).toHaveLength(253);
    expect(offsets).not.toContain(0);
    expect(offsets).not.toContain(1);
    expect(offsets).not.toContain(10);
  });

  it('uses the CIDR it is given', () => {
    const address = nfsClusterIp(deployment('course'), { name: 'course' }, '172.20.0.0/16');
    expect(address).toMatch(/^172\.20\.0\.\d{1,3}$/);
    const small = nfsClusterIp(deployment('course'), { name: 'course' }, '10.254.0.0/24');
    expect(offset(small, '10.254.0.0')).toBeLessThan(16);
  });

  it('probes forward on a collision, and appending a hub never moves an earlier one', () => {
    // In a /24 the static band has 16 addresses, 13 usable: 14 hubs cannot avoid colliding.
    const cidr = '10.254.0.0/24';
    const names = MANY.slice(0, 13);
    const before = nfsClusterIps(deployment(...names), cidr);
    expect(new Set(before.values()).size).toBe(13);
    const grown = nfsClusterIps(deployment(...names.slice(0, 12)), cidr);
    for (const [name, address] of grown) expect(before.get(name)).toBe(address);
  });

  it('finds two hubs that hash to the same slot a free address each', () => {
    const cidr = '10.254.0.0/24';
    const homes = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (const name of MANY) {
      const home = nfsClusterIp(deployment(name), { name }, cidr);
      const earlier = homes.get(home);
      if (earlier !== undefined) {
        pair = [earlier, name];
        break;
      }
      homes.set(home, name);
    }
    expect(pair).toBeDefined();
    const [first, second] = pair ?? ['', ''];
    const both = nfsClusterIps(deployment(first, second), cidr);
    expect(both.get(first)).toBe(nfsClusterIp(deployment(first), { name: first }, cidr));
    expect(both.get(second)).not.toBe(both.get(first));
  });

  it('keeps live addresses, so removing a hub cannot move the one that probed past it', () => {
    const live = Object.fromEntries(nfsClusterIps(deployment(...MANY.slice(0, 13)), '10.254.0.0/24'));
    const afterRemoval = nfsClusterIps(deployment(...MANY.slice(1, 13)), '10.254.0.0/24', live);
    for (const [name, address] of afterRemoval) expect(address).toBe(live[name]);
  });

  it('ignores per-user-volume hubs', () => {
    const config = { hubs: [hub('lab', 'per-user-volume'), hub('course')] };
    expect([...nfsClusterIps(config, EKS).keys()]).toEqual(['course']);
    expect(() => nfsClusterIp(config, { name: 'lab' }, EKS)).toThrow(/not a shared-nfs hub/);
  });

  it('says so when the static band is full', () => {
    const error = (() => {
      try {
        nfsClusterIps(deployment(...MANY.slice(0, 14)), '10.254.0.0/24');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(HubfleetError);
    expect(error).toMatchObject({ kind: 'invalid-config', message: expect.stringContaining('13 addresses') });
  });
});

describe('nfsClusterIps in each cloud’s Service range', () => {
  it.each([
    ['EKS', '10.100.0.0/16'],
    ['OpenStack Magnum', '10.254.0.0/16'],
    ['kubeadm (NeCTAR)', '10.96.0.0/12'],
    ['GKE', '34.118.224.0/20'],
  ])('%s: every address inside %s, in its static band, never .0/.1/.10', (_cloud, cidr) => {
    const range = parseServiceCidr(cidr);
    const addresses = [...nfsClusterIps(deployment(...MANY.slice(0, 100)), cidr).values()];
    expect(new Set(addresses).size).toBe(100);
    for (const address of addresses) {
      const at = (ipv4ToNumber(address) ?? -1) - range.network;
      expect(at, address).toBeGreaterThanOrEqual(2);
      expect(at, address).toBeLessThan(staticBandSize(range));
      expect(at, address).not.toBe(10);
    }
  });

  it('skips addresses other Services hold, and keeps live NFS servers where they are', () => {
    const cidr = '10.254.0.0/16';
    const wanted = nfsClusterIp(deployment('course'), { name: 'course' }, cidr);
    const moved = nfsClusterIp(deployment('course'), { name: 'course' }, cidr, {}, [wanted]);
    expect(moved).not.toBe(wanted);
    expect(moved.startsWith('10.254.0.')).toBe(true);
    const pinned = nfsClusterIp(deployment('course'), { name: 'course' }, cidr, { course: '10.254.0.200' }, [
      wanted,
    ]);
    expect(pinned).toBe('10.254.0.200');
  });
});

describe('serviceCidrFor', () => {
  it('prefers the observed range, then the provider’s documented default, then kubeadm’s', () => {
    expect(serviceCidrFor({ defaultServiceCidr: '10.254.0.0/16' }, { serviceCidr: '10.100.0.0/16' })).toBe(
      '10.100.0.0/16',
    );
    expect(serviceCidrFor({ defaultServiceCidr: '10.254.0.0/16' }, {})).toBe('10.254.0.0/16');
    expect(serviceCidrFor({}, {})).toBe(KUBERNETES_DEFAULT_SERVICE_CIDR);
    expect(KUBERNETES_DEFAULT_SERVICE_CIDR).toBe('10.96.0.0/12');
  });
});
