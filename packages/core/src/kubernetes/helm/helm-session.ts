import { defaultHelmHome, helmEnvironment } from './helm-environment.js';
import { mapHelmFailure } from './helm-errors.js';
import type { HelmRunner, HelmRunResult } from './helm-types.js';
import { withPrivateFiles } from './private-files.js';

export interface HelmClientOptions {
  /** Runs the binary: `spawnHelm(findHelm())` for real, a scripted function in tests. */
  run: HelmRunner;
  /** helm's cache, config and data live here. @default defaultHelmHome() */
  helmHome?: string;
  /** Where the private temporary directories for kubeconfigs and values are made. @default os.tmpdir() */
  tempRoot?: string;
  /** The environment helm starts from (minus KUBECONFIG and HELM_*). @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock used to judge whether a pending release was abandoned. */
  now?: () => Date;
}

/** What every helm operation shares: how to run helm, where private files go, the clock. */
export interface HelmSession {
  run(args: readonly string[]): Promise<HelmRunResult>;
  /** Run and return stdout, or throw the mapped HubfleetError. */
  succeed(args: readonly string[], operation: string, subject: string): Promise<string>;
  inPrivate<T>(files: Record<string, string>, use: (paths: Record<string, string>) => Promise<T>): Promise<T>;
  now(): Date;
}

export function createHelmSession(options: HelmClientOptions): HelmSession {
  const env = helmEnvironment(options.helmHome ?? defaultHelmHome(), options.env ?? process.env);
  const run = (args: readonly string[]) => options.run(args, env);
  return {
    run,
    async succeed(args, operation, subject) {
      const result = await run(args);
      if (result.code !== 0) throw mapHelmFailure({ operation, subject, stderr: result.stderr });
      return result.stdout;
    },
    inPrivate: (files, use) => withPrivateFiles(files, use, options.tempRoot),
    now: options.now ?? (() => new Date()),
  };
}

/** The values file helm reads: JSON is YAML, and JSON cannot smuggle in anchors or tags. */
export function valuesText(values: Record<string, unknown> | undefined): string {
  return `${JSON.stringify(values ?? {}, null, 2)}\n`;
}

/** helm prints notices before the JSON on some paths; the object starts at the first `{`. */
export function jsonPart(stdout: string): string {
  const start = stdout.indexOf('{');
  return start === -1 ? stdout : stdout.slice(start);
}

/** `namespace/release`, the subject of every error about a release. */
export function releaseSubject(target: { namespace: string; release: string }): string {
  return `${target.namespace}/${target.release}`;
}
