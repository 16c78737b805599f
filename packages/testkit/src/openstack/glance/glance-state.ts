export type ImageStatus =
  | 'queued'
  | 'saving'
  | 'uploading'
  | 'importing'
  | 'active'
  | 'deactivated'
  | 'killed'
  | 'deleted'
  | 'pending_delete';
export type ImageVisibility = 'public' | 'private' | 'shared' | 'community';

export interface ImageRecord {
  id: string;
  name: string;
  status: ImageStatus;
  visibility: ImageVisibility;
  diskFormat: string;
  containerFormat: string;
  /** Bytes. */
  size: number;
  minDisk: number;
  minRam: number;
  /** The project that owns it; public images belong to the cloud's admin project. */
  owner: string;
  tags: string[];
  /** Custom properties, shown at the top level (`os_distro`, `os_version`, …). */
  properties: Record<string, string>;
  created: number;
}

export interface GlanceState {
  images: Record<string, ImageRecord>;
}

export function createGlanceState(): GlanceState {
  return { images: {} };
}
