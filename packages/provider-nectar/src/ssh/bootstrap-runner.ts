import { HubfleetError } from '@hubfleet/core';
import { STEP_MARKER } from '../bootstrap/bootstrap-step.js';
import type { VmConnection } from './vm-connection.js';

/** What one run of a bootstrap script did, step by step. */
export interface BootstrapRun {
  vm: string;
  steps: { name: string; outcome: 'changed' | 'unchanged' }[];
  /** The steps that changed the machine (empty on a converged VM). */
  changed: string[];
}

/** Single-quote a value for bash. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function outcomes(stdout: string): { finished: BootstrapRun['steps']; started: string[] } {
  const finished: BootstrapRun['steps'] = [];
  const started: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = new RegExp(`^${STEP_MARKER} (\\S+) (begin|changed|unchanged)$`).exec(line.trim());
    if (!match) continue;
    const [, name = '', outcome] = match;
    if (outcome === 'begin') started.push(name);
    else finished.push({ name, outcome: outcome as 'changed' | 'unchanged' });
  }
  return { finished, started };
}

/**
 * Run a rendered bootstrap script as root (`sudo -n bash -s`, the script on stdin, the inputs as
 * environment), and report each step's outcome. A failing step is an `unavailable` HubfleetError
 * naming the VM and the step: re-running is safe, since every finished step is then only checked.
 */
export async function runBootstrap(
  connection: VmConnection,
  file: string,
  script: string,
  inputs: Readonly<Record<string, string>> = {},
): Promise<BootstrapRun> {
  const environment = Object.entries(inputs)
    .map(([name, value]) => `${name}=${shellQuote(value)}`)
    .join(' ');
  const result = await connection.exec(`sudo -n env ${environment} bash -s`, script);
  const { finished, started } = outcomes(result.stdout);
  if (result.code !== 0) {
    const step = started.at(-1) ?? 'before the first step';
    const why = result.stderr.trim().split('\n').slice(-3).join(' | ');
    throw new HubfleetError({
      kind: 'unavailable',
      message: `bootstrap ${file} failed on VM ${connection.vm} at step ${step} (exit ${result.code}): ${why}`,
      hint: 're-run: every step checks first, so finished steps are skipped and this one is tried again',
      subject: `vm/${connection.vm}`,
    });
  }
  return {
    vm: connection.vm,
    steps: finished,
    changed: finished.filter((step) => step.outcome === 'changed').map((step) => step.name),
  };
}
