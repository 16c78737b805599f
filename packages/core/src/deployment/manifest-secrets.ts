import type { SecretRef } from '../config/secret.js';
import type { HubSecret } from '../kubernetes/hubs/hub-secrets.js';
import type { Manifest } from '../kubernetes/release.js';
import { resolveSecretManifest, SECRET_SOURCES_ANNOTATION } from '../kubernetes/tools/secret-manifest.js';

/**
 * The manifest with every secret placeholder replaced by its value: tool Secrets carry their sources
 * in an annotation (`resolveSecretManifest`), a hub's auth Secret is filled from the hub's `secrets`.
 * Call it only on the way to the API server (and to hash what is applied): never print the result.
 */
export function fillSecrets(
  manifest: Manifest,
  hubSecrets: readonly HubSecret[],
  resolve: (ref: SecretRef) => string,
): Manifest {
  if (manifest.kind !== 'Secret') return manifest;
  const annotated = manifest.metadata.annotations?.[SECRET_SOURCES_ANNOTATION] !== undefined;
  const filled = annotated ? resolveSecretManifest(manifest, resolve) : manifest;
  const own = hubSecrets.filter((secret) => secret.secretName === manifest.metadata.name);
  if (own.length === 0) return filled;
  const stringData = { ...((filled.stringData as Record<string, string> | undefined) ?? {}) };
  for (const secret of own) stringData[secret.key] = resolve(secret.ref);
  return { ...filled, stringData };
}
