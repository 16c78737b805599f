import { gunzipSync } from 'node:zlib';
import type { Manifest, ReleaseSpec } from '../release.js';
import { contentHash } from './content-hash.js';
import type { KubeObject, ObjectRef } from './manifest-applier.js';

/** The Secret type helm 3 stores release records as. */
export const HELM_RELEASE_SECRET_TYPE = 'helm.sh/release.v1';

/** The label selector that finds every helm release record, in every namespace, in one list call. */
export const HELM_RECORD_SELECTOR = 'owner=helm';

/** A release as it is installed, read back from its record. */
export interface InstalledRelease {
  release: string;
  namespace: string;
  revision: number;
  /** helm's status: `deployed`, `failed`, `pending-install`, ... */
  status: string;
  chart: string;
  chartVersion: string;
  /** `contentHash` of the values it was installed with. */
  valuesHash: string;
  /**
   * The values it was installed with, so `plan` can show which keys change (helm keeps them in its
   * record as `config`; the simulated installer too). Absent in records written before they were kept.
   */
  values?: Record<string, unknown>;
  /** True for the simulated installer's records (see `simulatedRecordSecret`). */
  simulated: boolean;
  /** Objects the simulated installer applied for it, so it can remove them again. */
  objects: ObjectRef[];
}

/** `sh.helm.release.v1.<name>.v<revision>`, as helm names its records. */
export function releaseRecordName(release: string, revision: number): string {
  return `sh.helm.release.v1.${release}.v${revision}`;
}

/** The body of a simulated record: a hubfleet record, plain JSON, not helm's gzip format. */
interface SimulatedRecord {
  format: 'hubfleet.io/simulated-release/v1';
  chart: string;
  version: string;
  valuesHash: string;
  /** Optional: records written before the values were kept have none. */
  values?: Record<string, unknown>;
  objects: ObjectRef[];
}

/** helm's own record: base64 of gzip of the release as JSON. Only the fields read here. */
interface HelmRecord {
  chart?: { metadata?: { name?: string; version?: string } };
  config?: Record<string, unknown> | null;
}

function decodeBody(encoded: string): SimulatedRecord | HelmRecord | undefined {
  try {
    const text = Buffer.from(encoded, 'base64').toString('utf8');
    if (text.startsWith('{')) return JSON.parse(text) as SimulatedRecord;
    const zipped = Buffer.from(text, 'base64');
    const json = zipped[0] === 0x1f && zipped[1] === 0x8b ? gunzipSync(zipped).toString('utf8') : text;
    return JSON.parse(json) as HelmRecord;
  } catch {
    return undefined;
  }
}

function isSimulated(body: SimulatedRecord | HelmRecord): body is SimulatedRecord {
  return (body as SimulatedRecord).format === 'hubfleet.io/simulated-release/v1';
}

/** One record Secret, read; undefined for anything that is not a readable release record. */
export function readReleaseRecord(secret: KubeObject): InstalledRelease | undefined {
  const labels = secret.metadata.labels ?? {};
  const data = (secret as { data?: Record<string, string> }).data;
  const release = labels.name;
  const namespace = secret.metadata.namespace;
  const revision = Number(labels.version);
  if (release === undefined || namespace === undefined || !Number.isInteger(revision)) return undefined;
  const body = data?.release === undefined ? undefined : decodeBody(data.release);
  if (body === undefined) return undefined;
  const base = { release, namespace, revision, status: labels.status ?? 'unknown' };
  if (isSimulated(body)) {
    return {
      ...base,
      chart: body.chart,
      chartVersion: body.version,
      valuesHash: body.valuesHash,
      ...(body.values === undefined ? {} : { values: body.values }),
      simulated: true,
      objects: body.objects,
    };
  }
  return {
    ...base,
    chart: body.chart?.metadata?.name ?? '',
    chartVersion: body.chart?.metadata?.version ?? '',
    valuesHash: contentHash(body.config ?? {}),
    values: body.config ?? {},
    simulated: false,
    objects: [],
  };
}

/** The newest record of each release, by `namespace/release`. */
export function latestReleases(secrets: readonly KubeObject[]): Map<string, InstalledRelease> {
  const latest = new Map<string, InstalledRelease>();
  for (const secret of secrets) {
    const record = readReleaseRecord(secret);
    if (record === undefined) continue;
    const id = `${record.namespace}/${record.release}`;
    const known = latest.get(id);
    if (known === undefined || known.revision < record.revision) latest.set(id, record);
  }
  return latest;
}

/**
 * The simulated installer's record of a release, shaped like helm's (same name, type and labels,
 * so `helm list` tooling and hubfleet's observation find it the same way) but with a hubfleet body:
 * plain JSON with the chart, version, values (and their hash) and the objects applied. It is not helm's
 * gzip-encoded release, and helm itself cannot upgrade or roll it back.
 */
export function simulatedRecordSecret(
  release: Pick<ReleaseSpec, 'release' | 'namespace' | 'chart' | 'version' | 'values'>,
  revision: number,
  objects: readonly ObjectRef[],
): Manifest {
  const body: SimulatedRecord = {
    format: 'hubfleet.io/simulated-release/v1',
    chart: release.chart,
    version: release.version,
    valuesHash: contentHash(release.values),
    values: release.values,
    objects: [...objects],
  };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: releaseRecordName(release.release, revision),
      namespace: release.namespace,
      labels: {
        name: release.release,
        owner: 'helm',
        status: 'deployed',
        version: String(revision),
        'hubfleet.io/simulated': 'true',
      },
    },
    type: HELM_RELEASE_SECRET_TYPE,
    data: { release: Buffer.from(JSON.stringify(body)).toString('base64') },
  };
}
