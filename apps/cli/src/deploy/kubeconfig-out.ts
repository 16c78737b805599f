import { lstatSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { parse } from 'yaml';
import { writeFileAtomically } from './write-file-atomically.js';

/** The first line of every kubeconfig `--out` writes: how a later run knows the file is its own. */
export function kubeconfigMarker(deployment: string): string {
  return `# written by hubfleet for deployment ${deployment}; hubfleet kubeconfig --out replaces it`;
}

/** Every file kubectl may read as "your kubeconfig": each `$KUBECONFIG` entry, and `~/.kube/config`. */
export function userKubeconfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter((path) => path !== '');
  return [...fromEnv, join(homedir(), '.kube', 'config')].map((path) => resolve(path));
}

/** `path` with its directory's symlinks resolved (the file itself is not followed). */
function canonical(path: string): string {
  const directory = dirname(path);
  try {
    return join(realpathSync(directory), basename(path));
  } catch {
    return path;
  }
}

function refuse(message: string, hint: string, path: string): HubfleetError {
  return new HubfleetError({ kind: 'refused', message, hint, subject: path });
}

/** Whether `text` is a kubeconfig `--out` wrote for `deployment`: its marker, and only that deployment's context. */
function isOurs(text: string, deployment: string): boolean {
  if (text.split('\n', 1)[0] !== kubeconfigMarker(deployment)) return false;
  try {
    const config = parse(text) as { contexts?: { name?: unknown }[]; 'current-context'?: unknown };
    const contexts = (config.contexts ?? []).map((context) => context.name);
    const name = `hubfleet-${deployment}`;
    return config['current-context'] === name && contexts.length === 1 && contexts[0] === name;
  } catch {
    return false;
  }
}

export interface KubeconfigOutCheck {
  path: string;
  deployment: string;
  /** `--sim`: the file must not be any kubeconfig kubectl reads by default. */
  simulated: boolean;
  /** `--force`: overwrite a regular file that is not hubfleet's. */
  force: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Before anything is contacted: refuse (exit 3) to write `--out` through a symlink, onto anything but
 * a regular file, over a file that is not a kubeconfig hubfleet wrote for this deployment (unless
 * `--force`), or, with `--sim`, onto `$KUBECONFIG` or `~/.kube/config` at all.
 */
export function checkKubeconfigOut(check: KubeconfigOutCheck): void {
  const { path, deployment } = check;
  if (check.simulated) {
    const target = canonical(path);
    const mine = userKubeconfigPaths(check.env).find((candidate) => canonical(candidate) === target);
    if (mine !== undefined) {
      throw refuse(
        `--sim: not writing the simulated cluster's kubeconfig to ${mine}, a kubeconfig kubectl uses for your real clusters`,
        'write it to a file of its own, e.g. --out ./sim-kubeconfig.yaml, then KUBECONFIG=./sim-kubeconfig.yaml kubectl ...',
        path,
      );
    }
  }
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch {
    return; // nothing there yet
  }
  if (stat.isSymbolicLink()) {
    throw refuse(
      `--out ${path} is a symbolic link: hubfleet never writes through one; nothing was written`,
      'give the path of the file itself, or a new file',
      path,
    );
  }
  if (!stat.isFile()) {
    throw refuse(
      `--out ${path} exists and is not a regular file; nothing was written`,
      'give a new file path',
      path,
    );
  }
  if (check.force) return;
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // Unreadable: not known to be ours.
  }
  if (!isOurs(text, deployment)) {
    throw refuse(
      `--out ${path} exists and is not a kubeconfig hubfleet wrote for "${deployment}"; it was left as it was`,
      'give a new file path, or pass --force to replace it',
      path,
    );
  }
}

/** Write the kubeconfig (mode 0600, atomically, never through a symlink). */
export function writeKubeconfigOut(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomically(path, text, 0o600);
}
