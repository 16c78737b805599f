import { isIPv4 } from 'node:net';
import { type ConfigIssue, error, warning } from '@hubfleet/core';
import type { AwsProviderSettings } from './aws-config.js';

type Network = AwsProviderSettings['network'];

const NETWORK_PATH = ['provider', 'network'];
const NETWORK_SHAPES =
  'write network: { subnetIds: [subnet-..., subnet-...] } to use existing subnets, or network: { create: { cidr: 10.40.0.0/16, zones: 2 } } for a new VPC';

/** EC2 subnet ids are `subnet-` and 8 (older) or 17 hexadecimal digits. */
const SUBNET_ID = /^subnet-([0-9a-f]+)$/;
const SUBNET_DIGITS = new Set([8, 17]);

/** Fewest zones EKS accepts, and the most any AWS region has. */
const MIN_ZONES = 2;
const MAX_ZONES = 6;

/** A VPC larger than /16 is not allowed; smaller than /24 leaves no room for a subnet per zone. */
const LARGEST_PREFIX = 16;
const SMALLEST_PREFIX = 24;

function checkSubnetIds(subnetIds: readonly string[]): ConfigIssue[] {
  const path = [...NETWORK_PATH, 'subnetIds'];
  const issues: ConfigIssue[] = [];
  if (subnetIds.length < 2) {
    issues.push(
      error(
        path,
        `EKS needs subnets in at least two availability zones, but ${subnetIds.length === 0 ? 'none is' : 'only one is'} given`,
        'list a subnet from each of two (or more) zones, e.g. [subnet-0a1b2c3d, subnet-4e5f6a7b]',
      ),
    );
  }
  const seen = new Set<string>();
  subnetIds.forEach((subnetId, index) => {
    const match = SUBNET_ID.exec(subnetId);
    if (!match) {
      issues.push(
        error(
          [...path, index],
          `"${subnetId}" is not a subnet id`,
          'subnet ids look like subnet-0a1b2c3d4e5f67890 (see the VPC console, or `aws ec2 describe-subnets`)',
        ),
      );
    } else if (!SUBNET_DIGITS.has(match[1]?.length ?? 0)) {
      issues.push(
        warning(
          [...path, index],
          `"${subnetId}" looks shortened: subnet ids have 8 or 17 hexadecimal digits after "subnet-"`,
          'copy the full id from the VPC console',
        ),
      );
    }
    if (seen.has(subnetId)) {
      issues.push(error([...path, index], `"${subnetId}" is listed twice`, 'list each subnet once'));
    }
    seen.add(subnetId);
  });
  return issues;
}

/** `10.40.0.0/16` → address and prefix length; undefined when it is not an IPv4 CIDR. */
function parseIpv4Cidr(cidr: string): { address: string; prefix: number } | undefined {
  const [address, prefixText, ...rest] = cidr.split('/');
  if (
    rest.length > 0 ||
    address === undefined ||
    !isIPv4(address) ||
    !/^[0-9]{1,2}$/.test(prefixText ?? '')
  ) {
    return undefined;
  }
  const prefix = Number(prefixText);
  return prefix <= 32 ? { address, prefix } : undefined;
}

function isPrivateRange(address: string): boolean {
  const [first = 0, second = 0] = address.split('.').map(Number);
  return first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
}

function checkCidr(cidr: string): ConfigIssue[] {
  const path = [...NETWORK_PATH, 'create', 'cidr'];
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) {
    return [error(path, `"${cidr}" is not an IPv4 CIDR`, 'write an address range such as 10.40.0.0/16')];
  }
  if (parsed.prefix < LARGEST_PREFIX || parsed.prefix > SMALLEST_PREFIX) {
    return [
      error(
        path,
        `a /${parsed.prefix} VPC is ${parsed.prefix < LARGEST_PREFIX ? 'larger than AWS allows (/16 at most)' : 'too small for a subnet in each zone plus the pods'}`,
        `use a prefix between /${LARGEST_PREFIX} and /${SMALLEST_PREFIX}, e.g. 10.40.0.0/16`,
      ),
    ];
  }
  if (!isPrivateRange(parsed.address)) {
    return [
      warning(
        path,
        `${cidr} is a public address range: internet hosts with those addresses become unreachable from the cluster`,
        'use 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. 10.40.0.0/16',
      ),
    ];
  }
  return [];
}

function checkZones(zones: number): ConfigIssue[] {
  if (zones >= MIN_ZONES && zones <= MAX_ZONES) return [];
  return [
    error(
      [...NETWORK_PATH, 'create', 'zones'],
      zones < MIN_ZONES
        ? `EKS needs subnets in at least ${MIN_ZONES} availability zones`
        : `no AWS region has more than ${MAX_ZONES} availability zones`,
      'use zones: 2 (or 3 for more resilience)',
    ),
  ];
}

/** `provider.network`: exactly one of subnetIds or create, and each well formed for EKS. */
export function checkAwsNetwork(network: Network): ConfigIssue[] {
  const { subnetIds, create } = network;
  if (subnetIds !== undefined && create !== undefined) {
    return [error(NETWORK_PATH, 'network has both subnetIds and create; use one', NETWORK_SHAPES)];
  }
  if (subnetIds !== undefined) return checkSubnetIds(subnetIds);
  if (create !== undefined) return [...checkCidr(create.cidr), ...checkZones(create.zones)];
  return [error(NETWORK_PATH, 'network needs either subnetIds or create', NETWORK_SHAPES)];
}
