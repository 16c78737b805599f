import type { Manifest } from '../release.js';
import { MANAGED_BY_LABELS } from './tool-names.js';

/** The metadata hubfleet writes; `Manifest['metadata']` only names `name` and `namespace`. */
export interface ManifestMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Metadata with hubfleet's managed-by label added. */
export function managedMetadata(metadata: ManifestMetadata): Manifest['metadata'] {
  const full: ManifestMetadata = {
    ...metadata,
    labels: { ...MANAGED_BY_LABELS, ...(metadata.labels ?? {}) },
  };
  return full;
}
