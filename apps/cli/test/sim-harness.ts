import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Ec2State, type EksState, findVolumesByTags, settleEks } from '@hubfleet/testkit';
import { type CliRun, repoRoot, runHubfleet } from './cli-harness.js';

/** A config in a fresh directory: its simulated cloud lives in `.hubfleet/sim/` next to it. */
export interface SimWorkspace {
  directory: string;
  config: string;
  stateDirectory: string;
}

/** Copy an example into a temporary directory, optionally edited. */
export function simWorkspace(example: string, edit: (text: string) => string = (text) => text): SimWorkspace {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-sim-cli-'));
  const config = join(directory, example);
  writeFileSync(config, edit(readFileSync(join(repoRoot, 'examples', example), 'utf8')));
  return { directory, config, stateDirectory: join(directory, '.hubfleet', 'sim') };
}

/** `hubfleet <command> -c <config> --sim ...`. */
export function sim(
  workspace: SimWorkspace,
  command: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return runHubfleet([command, '-c', workspace.config, '--sim', ...extra], { env });
}

export interface CallRecord {
  service: string;
  operation: string;
  mutating: boolean;
  status: number;
}

/** Every call the simulated cloud answered, in order (`calls.jsonl`). */
export function calls(workspace: SimWorkspace): CallRecord[] {
  const file = join(workspace.stateDirectory, 'calls.jsonl');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').trim();
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as CallRecord);
}

/** The calls made while `work` ran. */
export async function callsDuring<T>(
  workspace: SimWorkspace,
  work: () => Promise<T>,
): Promise<{ result: T; calls: CallRecord[] }> {
  const before = calls(workspace).length;
  const result = await work();
  return { result, calls: calls(workspace).slice(before) };
}

function readState<T>(workspace: SimWorkspace, name: string): T {
  return JSON.parse(readFileSync(join(workspace.stateDirectory, `${name}.json`), 'utf8')) as T;
}

/** What the simulated account holds for a deployment now (pending transitions settled, as the fakes would). */
export function cloudState(workspace: SimWorkspace, deployment: string) {
  const ec2 = readState<Ec2State>(workspace, 'ec2');
  const now = Date.now();
  const volumes = findVolumesByTags(ec2, now, { 'hubfleet.io/deployment': deployment }).filter(
    (volume) => volume.state !== 'deleted',
  );
  const owned = (tags: Record<string, string> | undefined) => tags?.['hubfleet.io/deployment'] === deployment;
  const eks = readState<EksState>(workspace, 'eks');
  settleEks(eks, now);
  const clusters = Object.values(eks.clusters);
  const iam = readState<{
    roles: Record<string, { tags?: { Key: string; Value: string }[] | Record<string, string> }>;
  }>(workspace, 'iam');
  return {
    volumes,
    vpcs: Object.values(ec2.vpcs).filter((vpc) => owned(vpc.tags)),
    subnets: Object.values(ec2.subnets).filter((subnet) => owned(subnet.tags)),
    internetGateways: Object.values(ec2.internetGateways).filter((gateway) => owned(gateway.tags)),
    clusters,
    nodegroups: clusters.flatMap((cluster) => Object.values(cluster.nodegroups)),
    addons: clusters.flatMap((cluster) => Object.values(cluster.addons)),
    roles: Object.keys(iam.roles).filter((name) => name.startsWith(`hubfleet-${deployment}-`)),
  };
}
