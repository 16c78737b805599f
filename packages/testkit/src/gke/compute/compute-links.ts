const BASE = 'https://www.googleapis.com/compute/v1';

export function computeLink(path: string): string {
  return `${BASE}/${path}`;
}

export function diskPath(project: string, zone: string, name: string): string {
  return `projects/${project}/zones/${zone}/disks/${name}`;
}

export function snapshotPath(project: string, name: string): string {
  return `projects/${project}/global/snapshots/${name}`;
}

export function addressPath(project: string, region: string, name: string): string {
  return `projects/${project}/regions/${region}/addresses/${name}`;
}

/** The last segment of a URL or partial URL (`zones/z/diskTypes/pd-ssd` → `pd-ssd`). */
export function lastSegment(url: string): string {
  return url.split('/').filter(Boolean).pop() ?? url;
}
