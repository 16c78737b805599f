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

function outcomes(stdout: string): { finished: BootstrapRun['steps']; started: string[]; pending: string[] } {
  const finished: BootstrapRun['steps'] = [];
  const started: string[] = [];
  const pending: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = new RegExp(`^${STEP_MARKER} (\\S+) (begin|changed|unchanged|pending)$`).exec(line.trim());
    if (!match) continue;
    const [, name = '', outcome] = match;
    if (outcome === 'begin') started.push(name);
    else if (outcome === 'pending') pending.push(name);
    else finished.push({ name, outcome: outcome as 'changed' | 'unchanged' });
  }
  return { finished, started, pending };
}

/**
 * The same script with every `run_step` replaced by a check: each step's own check runs and prints
 * `unchanged` or `pending`; nothing is applied. What `plan`, `status` and a converged `up` run.
 */
export function checkOnlyScript(script: string): string {
  const check = `check_step() {
  if "\${1//-/_}_done"; then echo "${STEP_MARKER} $1 unchanged"; else echo "${STEP_MARKER} $1 pending"; fi
}
`;
  let defined = false;
  return script.replace(/^run_step (\S+)$/gm, (_line, name: string) => {
    const call = `check_step ${name}`;
    if (defined) return call;
    defined = true;
    return `${check}${call}`;
  });
}

/** The steps of a rendered script whose checks fail now (none on a converged VM); changes nothing. */
export async function pendingSteps(
  connection: VmConnection,
  file: string,
  script: string,
  inputs: Readonly<Record<string, string>> = {},
): Promise<string[]> {
  const result = await connection.exec(
    `sudo -n env ${environmentOf(inputs)} bash -s`,
    checkOnlyScript(script),
  );
  if (result.code !== 0) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `checking bootstrap ${file} on VM ${connection.vm} failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`,
      hint: 're-run: the checks change nothing',
      subject: `vm/${connection.vm}`,
    });
  }
  return outcomes(result.stdout).pending;
}

function environmentOf(inputs: Readonly<Record<string, string>>): string {
  return Object.entries(inputs)
    .map(([name, value]) => `${name}=${shellQuote(value)}`)
    .join(' ');
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
  const result = await connection.exec(`sudo -n env ${environmentOf(inputs)} bash -s`, script);
  const { finished, started } = outcomes(result.stdout);
  if (result.code !== 0) {
    const step = started.at(-1) ?? 'before the first step';
    // The failing command's own words: the last lines it printed that are not step markers.
    const said = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith(STEP_MARKER));
    const why = said.slice(-3).join(' | ');
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
