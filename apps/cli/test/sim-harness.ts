import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ProviderSettingsV1 } from '@hubfleet/core';
import {
  type CallRecord,
  findSimCloudFactory,
  readCallLog,
  SIM_CALL_LOG,
  type SimInventory,
  type SimOwned,
} from '@hubfleet/testkit/sim-registry';
import { parse } from 'yaml';
import { type CliRun, hubfleetBin, NODE_FLAGS, repoRoot, runHubfleet } from './cli-harness.js';

/** A config in a fresh directory: its simulated cloud lives in `.hubfleet/sim/<kind>/` next to it. */
export interface SimWorkspace {
  directory: string;
  config: string;
  stateDirectory: string;
}

/** Copy an example into a temporary directory, optionally edited. */
export function simWorkspace(example: string, edit: (text: string) => string = (text) => text): SimWorkspace {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-sim-cli-'));
  const config = join(directory, example);
  const text = edit(readFileSync(join(repoRoot, 'examples', example), 'utf8'));
  writeFileSync(config, text);
  const { provider } = parse(text) as { provider: ProviderSettingsV1 };
  return { directory, config, stateDirectory: join(directory, '.hubfleet', 'sim', provider.kind) };
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

/** Every call the simulated cloud answered, in order (`calls.jsonl`, every sim writes one). */
export function calls(workspace: SimWorkspace): CallRecord[] {
  return readCallLog(join(workspace.stateDirectory, SIM_CALL_LOG));
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

/** Only what `deployment` owns (by hubfleet's ownership tags). */
function ownedBy<T extends SimOwned>(items: readonly T[], deployment: string): T[] {
  return items.filter((item) => item.deployment === deployment);
}

/**
 * What the simulated account holds for a deployment now, in the provider-neutral inventory of the
 * config's own simulated cloud (found by `provider.kind` in testkit's registry, started on the
 * workspace's state, in the config's region, for the read and stopped again: no call is made, none is logged).
 */
export async function inventory(workspace: SimWorkspace, deployment: string): Promise<SimInventory> {
  const { provider } = parse(readFileSync(workspace.config, 'utf8')) as { provider: ProviderSettingsV1 };
  const factory = findSimCloudFactory(provider.kind);
  if (factory === undefined) throw new Error(`no simulated cloud for provider ${provider.kind}`);
  const cloud = await factory.start({ stateDirectory: workspace.stateDirectory, settings: provider });
  try {
    const all = await cloud.inventory();
    return {
      ...all,
      clusters: ownedBy(all.clusters, deployment),
      nodeGroups: ownedBy(all.nodeGroups, deployment),
      addons: ownedBy(all.addons, deployment),
      volumes: ownedBy(all.volumes, deployment),
      networks: ownedBy(all.networks, deployment),
      subnets: ownedBy(all.subnets, deployment),
      gateways: ownedBy(all.gateways, deployment),
      identities: ownedBy(all.identities, deployment),
      addresses: ownedBy(all.addresses, deployment),
    };
  } finally {
    await cloud.close();
  }
}

export interface KilledRun {
  /** The step whose finish triggered the kill; undefined when the run ended on its own first. */
  killedAfter?: string;
  code: number | null;
}

/** What every run of an interrupted `up` gets besides `-c <config> --sim --yes --output json`. */
export interface KilledRunOptions {
  /** More flags, e.g. `['--sim-speed', '5000']`. */
  args?: readonly string[];
  /** More environment, e.g. `HUBFLEET_SIM_FAULT_RATE` (PATH and HOME, the workspace, are set). */
  env?: Record<string, string>;
}

/**
 * `up --output json`, killed with SIGKILL as soon as the progress reports the first step that
 * changed something finished: the next run starts at the next step boundary, and so on. The kill
 * follows the event on stdout, never a timer, so it lands on the boundary however loaded the machine.
 */
export function upKilledAtFirstBoundary(
  workspace: SimWorkspace,
  options: KilledRunOptions = {},
): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...NODE_FLAGS,
        hubfleetBin,
        'up',
        '-c',
        workspace.config,
        '--sim',
        '--yes',
        '--output',
        'json',
        ...(options.args ?? []),
      ],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', HOME: workspace.directory, ...options.env },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let killedAfter: string | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { type: string; outcome?: string; id?: string };
      if (killedAfter === undefined && event.type === 'step-finished' && event.outcome === 'done') {
        killedAfter = event.id;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...(killedAfter === undefined ? {} : { killedAfter }), code }));
  });
}

/**
 * `up` killed at its first changing step boundary, again and again, until a run finishes on its own
 * (which must exit 0); at most `maxRuns` runs. The steps after which each run was killed, in order:
 * every step that changed something, each the boundary of one SIGKILL. Any provider with a sim can use
 * it (docs/testing.md, "SIGKILL at every step boundary").
 */
export async function upKilledAtEachBoundary(
  workspace: SimWorkspace,
  maxRuns: number,
  options: KilledRunOptions = {},
): Promise<string[]> {
  const killedAfter: string[] = [];
  for (let run = 0; run < maxRuns; run++) {
    const result = await upKilledAtFirstBoundary(workspace, options);
    if (result.killedAfter === undefined) {
      if (result.code !== 0) throw new Error(`the uninterrupted up exited ${result.code}`);
      return killedAfter;
    }
    killedAfter.push(result.killedAfter);
  }
  throw new Error(
    `up was still changing things after ${maxRuns} interrupted runs: ${killedAfter.join(', ')}`,
  );
}
