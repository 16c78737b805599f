import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a NeCTAR VM sim's machines live on the loopback network: every address a provider reads from
 * Nova or Neutron is one this machine answers on. VMs (classic networking's public addresses, and
 * the own address of a VM on a private network) come from `vms`, floating IPs from the external
 * networks' subnets. Each state directory draws its own 127.A.B.0/22 once (kept in
 * `vm-network.json`), so sims running side by side never hand out the same address.
 */
export interface NectarVmNetwork {
  /** `127.A.B.0/24`: the VMs' own addresses (.2 to .254). */
  vms: string;
  /** External network name → `127.A.B+k.0/24`, where its floating IPs come from. */
  floating: Record<string, string>;
}

const FILE = 'vm-network.json';

/** The state directory's plan, drawn now when it has none. `externalNetworks`: at most three. */
export function nectarVmNetwork(
  stateDirectory: string,
  externalNetworks: readonly string[],
): NectarVmNetwork {
  const file = join(stateDirectory, FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as NectarVmNetwork;
  const a = randomInt(16, 255);
  const b = randomInt(0, 64) * 4;
  const plan: NectarVmNetwork = {
    vms: `127.${a}.${b}.0/24`,
    floating: Object.fromEntries(
      externalNetworks.slice(0, 3).map((name, index) => [name, `127.${a}.${b + index + 1}.0/24`]),
    ),
  };
  writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  return plan;
}

/** The first free VM address of the plan (`.2`–`.254`), or an error when all are taken. */
export function freeVmAddress(plan: NectarVmNetwork, used: ReadonlySet<string>): string {
  const prefix = plan.vms.split('.').slice(0, 3).join('.');
  for (let host = 2; host < 255; host++) {
    const address = `${prefix}.${host}`;
    if (!used.has(address)) return address;
  }
  throw new Error(`the NeCTAR VM sim has no free address left in ${plan.vms}`);
}

/** Whether `address` is one of the plan's VM addresses. */
export function isVmAddress(plan: NectarVmNetwork, address: string): boolean {
  return address.startsWith(`${plan.vms.split('.').slice(0, 3).join('.')}.`);
}
