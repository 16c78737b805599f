import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ExitCode, type Manifest, type ReleaseSpec } from '@hubfleet/core';
import { renderDeployment } from '@hubfleet/core/kubernetes';
import { stringify } from 'yaml';
import { loadValidConfig } from '../config/load-valid-config.js';
import { prepareRenderDirectory } from '../render/render-directory.js';

export interface RenderOptions {
  config: string;
  out: string;
  checkSecrets: boolean;
}

/** YAML 1.1 so `yes`, `on` and dates stay strings for helm, which reads values as YAML 1.1. */
const toYaml = (value: unknown) => stringify(value, { version: '1.1', sortMapEntries: false });

function valuesFileName(release: ReleaseSpec, all: readonly ReleaseSpec[]): string {
  const clash = all.filter((other) => other.release === release.release).length > 1;
  return `values/${clash ? `${release.namespace}.` : ''}${release.release}.yaml`;
}

function manifestFileName(manifest: Manifest, index: number): string {
  const namespace = manifest.metadata.namespace ? `${manifest.metadata.namespace}.` : '';
  return `manifests/${String(index + 1).padStart(2, '0')}-${manifest.kind.toLowerCase()}.${namespace}${manifest.metadata.name}.yaml`;
}

/**
 * Write what `up` would install, offline and without credentials: the ordered release list, each
 * release's values, and the objects applied without helm. Values that exist only after provisioning
 * are marked `<provisioned: ...>`; secrets appear only as `<secret: ...>` references. `--out` must be
 * new, empty or written by an earlier render (`prepareRenderDirectory`): a user's own files are never deleted.
 */
export async function renderCommand(options: RenderOptions): Promise<number> {
  const loaded = loadValidConfig(options.config, {
    checkSecrets: options.checkSecrets,
    hint: 'fix the problems above, then render again',
  });
  const rendered = renderDeployment(loaded.config, loaded.provider);
  const artifacts = loaded.provider.renderArtifacts?.(loaded.config) ?? [];
  const out = options.out;
  prepareRenderDirectory(
    out,
    artifacts.map((artifact) => artifact.path.split('/')[0] ?? artifact.path),
  );
  const releases = rendered.releases.map((release) => {
    const valuesFile = valuesFileName(release, rendered.releases);
    writeFileSync(join(out, valuesFile), toYaml(release.values));
    const { release: name, namespace, chart, repository, version, dependsOn, reason } = release;
    return { release: name, namespace, chart, repository, version, valuesFile, dependsOn, reason };
  });
  writeFileSync(join(out, 'releases.json'), `${JSON.stringify(releases, null, 2)}\n`);
  rendered.manifests.forEach((manifest, index) => {
    writeFileSync(join(out, manifestFileName(manifest, index)), toYaml(manifest));
  });
  for (const artifact of artifacts) {
    writeFileSync(join(out, artifact.path), artifact.content, { mode: artifact.executable ? 0o755 : 0o644 });
  }
  for (const warning of rendered.warnings) process.stderr.write(`warning: ${warning}\n`);
  const where = relative(process.cwd(), out) || '.';
  const files =
    artifacts.length > 0
      ? ` and ${artifacts.length} ${artifacts.length === 1 ? 'file' : 'files'} (${[...new Set(artifacts.map((artifact) => artifact.path.split('/')[0]))].join(', ')}/)`
      : '';
  process.stdout.write(
    `rendered ${releases.length} releases, ${rendered.manifests.length} manifests${files} into ${where}/\n`,
  );
  return ExitCode.ok;
}
