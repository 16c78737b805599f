import type { Manifest } from '../release.js';
import { lintArgs, templateArgs } from './helm-args.js';
import { mapHelmFailure } from './helm-errors.js';
import { type LintMessage, parseLintMessages, parseManifests } from './helm-output.js';
import { type HelmSession, valuesText } from './helm-session.js';

export interface TemplateOptions {
  /** Path of a chart directory (or packaged chart). */
  chart: string;
  values?: Record<string, unknown>;
  /** e.g. `1.32.0`: what `.Capabilities.KubeVersion` reports. */
  kubeVersion?: string;
  /** @default 'default' */
  namespace?: string;
  /** @default 'hubfleet' */
  releaseName?: string;
  /** Extra API versions for `.Capabilities.APIVersions`, e.g. `monitoring.coreos.com/v1`. */
  apiVersions?: readonly string[];
  includeCrds?: boolean;
}

export interface LintResult {
  /** helm lint exited 0. */
  ok: boolean;
  messages: LintMessage[];
}

/** `helm template` of a local chart, parsed into Kubernetes objects. Needs no cluster. */
export function templateChart(session: HelmSession, options: TemplateOptions): Promise<Manifest[]> {
  return session.inPrivate({ 'values.json': valuesText(options.values) }, async (paths) => {
    const args = templateArgs({
      releaseName: options.releaseName ?? 'hubfleet',
      chart: options.chart,
      namespace: options.namespace ?? 'default',
      valuesFile: paths['values.json'] as string,
      kubeVersion: options.kubeVersion,
      apiVersions: options.apiVersions,
      includeCrds: options.includeCrds,
    });
    return parseManifests(await session.succeed(args, 'template', options.chart));
  });
}

/** `helm lint`: the verdict and every message; a failing lint is a result, not an exception. */
export function lintChart(
  session: HelmSession,
  chart: string,
  values: Record<string, unknown> | undefined,
  strict: boolean,
): Promise<LintResult> {
  return session.inPrivate({ 'values.json': valuesText(values) }, async (paths) => {
    const result = await session.run(lintArgs({ chart, valuesFile: paths['values.json'] as string, strict }));
    const messages = parseLintMessages(`${result.stdout}\n${result.stderr}`);
    if (result.code !== 0 && !messages.some((message) => message.severity === 'error')) {
      const failure = mapHelmFailure({ operation: 'lint', subject: chart, stderr: result.stderr });
      messages.push({ severity: 'error', text: failure.message });
    }
    return { ok: result.code === 0, messages };
  });
}
