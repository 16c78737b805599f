import { describeSecretRef, isSecretRef, type SecretRef } from '../../config/secret.js';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import type { Manifest } from '../release.js';
import { type ManifestMetadata, managedMetadata } from './manifest-metadata.js';

/**
 * Annotation listing, per key of a Secret, the reference its value comes from (`{ fromEnv }` or
 * `{ fromFile }`). References are not secrets, so the annotation may be printed and kept.
 */
export const SECRET_SOURCES_ANNOTATION = 'hubfleet.io/secret-sources';

/** `<from $NAME>` / `<from file ./path>`: what `render` shows where a referenced value will go. */
export function referencePlaceholder(ref: SecretRef): string {
  return `<from ${describeSecretRef(ref)}>`;
}

export function isReferencePlaceholder(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('<from ') && value.endsWith('>');
}

export interface SecretManifestOptions {
  name: string;
  namespace: string;
  /** @default 'Opaque' */
  type?: string;
  /** Keys whose values are not secret and may be written as they are. */
  plain?: Readonly<Record<string, string>>;
  /** Keys whose values come from references, resolved only when the Secret is applied. */
  referenced: Readonly<Record<string, SecretRef>>;
}

/**
 * A Secret whose referenced keys hold placeholders, never values; `resolveSecretManifest` fills
 * them in right before the apply. So plans, renders and logs can show the whole object safely.
 */
export function secretManifest(options: SecretManifestOptions): Manifest {
  const placeholders = Object.fromEntries(
    Object.entries(options.referenced).map(([key, ref]) => [key, referencePlaceholder(ref)]),
  );
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: managedMetadata({
      name: options.name,
      namespace: options.namespace,
      annotations: { [SECRET_SOURCES_ANNOTATION]: JSON.stringify(options.referenced) },
    }),
    type: options.type ?? 'Opaque',
    stringData: { ...(options.plain ?? {}), ...placeholders },
  };
}

function sourcesOf(manifest: Manifest): Record<string, SecretRef> {
  const annotations = (manifest.metadata as ManifestMetadata).annotations;
  const text = annotations?.[SECRET_SOURCES_ANNOTATION];
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  const sources: Record<string, SecretRef> = {};
  for (const [key, ref] of Object.entries(parsed as Record<string, unknown>)) {
    if (!isSecretRef(ref)) {
      throw new HubfleetError({
        kind: 'internal',
        message: `Secret ${manifest.metadata.name} names an unreadable source for ${key}`,
        subject: `secret/${manifest.metadata.name}`,
      });
    }
    sources[key] = ref;
  }
  return sources;
}

/**
 * The Secret with every placeholder replaced by its value, read through `resolve` (for example
 * `(ref) => resolveSecret(ref, context)`). Call it only on the way to the API server.
 */
export function resolveSecretManifest(manifest: Manifest, resolve: (ref: SecretRef) => string): Manifest {
  const sources = sourcesOf(manifest);
  const stringData = { ...((manifest.stringData as Record<string, string> | undefined) ?? {}) };
  for (const [key, ref] of Object.entries(sources)) stringData[key] = resolve(ref);
  return { ...manifest, stringData };
}
