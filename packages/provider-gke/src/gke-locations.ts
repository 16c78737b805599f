/** Google Cloud regions as known to the authors on 2026-11-21; an unknown one is only a warning. */
export const GKE_REGIONS: readonly string[] = [
  'africa-south1',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-north1',
  'europe-north2',
  'europe-southwest1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  'me-central1',
  'me-central2',
  'me-west1',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'northamerica-south1',
  'southamerica-east1',
  'southamerica-west1',
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
];

const REGION = /^[a-z]+-[a-z]+[0-9]+$/;
const ZONE = /^([a-z]+-[a-z]+[0-9]+)-[a-z]$/;

/** What a GKE `location` is: a zone (`us-central1-a`), a region (`us-central1`), or neither. */
export type GkeLocation =
  | { kind: 'zone'; region: string }
  | { kind: 'region'; region: string }
  | { kind: 'invalid' };

/** Tell a zone from a region by shape; whether it exists is checked against {@link GKE_REGIONS}. */
export function parseGkeLocation(location: string): GkeLocation {
  const zone = ZONE.exec(location);
  if (zone?.[1] !== undefined) return { kind: 'zone', region: zone[1] };
  if (REGION.test(location)) return { kind: 'region', region: location };
  return { kind: 'invalid' };
}
