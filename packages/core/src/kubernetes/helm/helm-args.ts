import { HubfleetError } from '../../errors/hubfleet-error.js';

/** Where a chart comes from: a repository URL and a pinned version, or a local path. */
export interface ChartSource {
  /** Chart name in its repository, or a path to a chart directory when `repository` is absent or `local`. */
  chart: string;
  /** Repository URL; absent or `local` for a chart on disk. */
  repository?: string | undefined;
  /** Pinned chart version; required for a repository chart. */
  version?: string | undefined;
}

export function isLocalChart(source: Pick<ChartSource, 'repository'>): boolean {
  return source.repository === undefined || source.repository === 'local';
}

/** `<chart> --repo <url> --version <v>`, or just the path for a local chart. */
export function chartArgs(source: ChartSource): string[] {
  if (isLocalChart(source)) return [source.chart];
  if (source.version === undefined || source.version === '') {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `chart ${source.chart} from ${source.repository} has no pinned version`,
      hint: 'pin the chart version: hubfleet never installs a floating one',
      subject: `chart/${source.chart}`,
    });
  }
  return [source.chart, '--repo', source.repository as string, '--version', source.version];
}

/** helm's `--timeout` in whole seconds, at least one. */
export function timeoutArg(timeoutMs: number): string {
  return `${Math.max(1, Math.ceil(timeoutMs / 1000))}s`;
}

export interface UpgradeInstallArgs {
  release: string;
  namespace: string;
  source: ChartSource;
  /** Passed in order, so a later file wins. */
  valuesFiles: readonly string[];
  kubeconfigFile: string;
  wait: boolean;
  timeoutMs: number;
  createNamespace: boolean;
}

/** `helm upgrade --install ...`, with JSON output so the new revision can be read back. */
export function upgradeInstallArgs(options: UpgradeInstallArgs): string[] {
  return [
    'upgrade',
    '--install',
    options.release,
    ...chartArgs(options.source),
    '--namespace',
    options.namespace,
    ...(options.createNamespace ? ['--create-namespace'] : []),
    ...options.valuesFiles.flatMap((file) => ['--values', file]),
    ...(options.wait ? ['--wait'] : []),
    '--timeout',
    timeoutArg(options.timeoutMs),
    '--kubeconfig',
    options.kubeconfigFile,
    '--output',
    'json',
  ];
}

/** The arguments every command about an installed release shares. */
interface ReleaseTarget {
  release: string;
  namespace: string;
  kubeconfigFile: string;
}

export function statusArgs(target: ReleaseTarget): string[] {
  return [
    'status',
    target.release,
    '--namespace',
    target.namespace,
    '--kubeconfig',
    target.kubeconfigFile,
    '--output',
    'json',
  ];
}

export function historyArgs(target: ReleaseTarget, max = 20): string[] {
  return [
    'history',
    target.release,
    '--namespace',
    target.namespace,
    '--kubeconfig',
    target.kubeconfigFile,
    '--max',
    String(max),
    '--output',
    'json',
  ];
}

export function rollbackArgs(
  target: ReleaseTarget & { revision: number; wait: boolean; timeoutMs: number },
): string[] {
  return [
    'rollback',
    target.release,
    String(target.revision),
    '--namespace',
    target.namespace,
    ...(target.wait ? ['--wait'] : []),
    '--timeout',
    timeoutArg(target.timeoutMs),
    '--kubeconfig',
    target.kubeconfigFile,
  ];
}

export function uninstallArgs(target: ReleaseTarget & { timeoutMs: number }): string[] {
  return [
    'uninstall',
    target.release,
    '--namespace',
    target.namespace,
    '--timeout',
    timeoutArg(target.timeoutMs),
    '--kubeconfig',
    target.kubeconfigFile,
  ];
}

export interface TemplateArgs {
  releaseName: string;
  chart: string;
  namespace: string;
  valuesFile: string;
  kubeVersion?: string | undefined;
  apiVersions?: readonly string[] | undefined;
  includeCrds?: boolean | undefined;
}

export function templateArgs(options: TemplateArgs): string[] {
  return [
    'template',
    options.releaseName,
    options.chart,
    '--namespace',
    options.namespace,
    ...(options.kubeVersion === undefined ? [] : ['--kube-version', options.kubeVersion]),
    ...(options.apiVersions ?? []).flatMap((version) => ['--api-versions', version]),
    ...(options.includeCrds ? ['--include-crds'] : []),
    '--values',
    options.valuesFile,
  ];
}

export function lintArgs(options: {
  chart: string;
  valuesFile: string;
  strict?: boolean | undefined;
}): string[] {
  return ['lint', options.chart, '--values', options.valuesFile, ...(options.strict ? ['--strict'] : [])];
}
