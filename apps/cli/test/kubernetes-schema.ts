import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The model class that validates a manifest's apiVersion and kind; an unknown kind is an error, never a skip. */
function modelFor(apiVersion: string, kind: string): { new (data: unknown): { validate(): void } } {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const path =
    group === 'cert-manager.io'
      ? `@kubernetes-models/cert-manager/cert-manager.io/${version}/${kind}`
      : group === ''
        ? `kubernetes-models/${version}/${kind}`
        : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    return require(path)[kind];
  } catch {
    throw new Error(`no schema for ${apiVersion} ${kind}: add its models package before rendering it`);
  }
}

/** Throws with the failing path when a manifest does not match the Kubernetes API schema of its kind. */
export function validateManifest(manifest: { apiVersion: string; kind: string }): void {
  const Model = modelFor(manifest.apiVersion, manifest.kind);
  new Model(manifest).validate();
}
