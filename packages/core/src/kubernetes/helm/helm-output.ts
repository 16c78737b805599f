import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { HubfleetError } from '../../errors/hubfleet-error.js';
import type { Manifest } from '../release.js';
import type { HelmReleaseState, HelmReleaseStatus, HelmRevision } from './helm-types.js';

const STATUSES: readonly HelmReleaseStatus[] = [
  'unknown',
  'deployed',
  'uninstalled',
  'superseded',
  'failed',
  'uninstalling',
  'pending-install',
  'pending-upgrade',
  'pending-rollback',
];

function toStatus(value: string | null | undefined): HelmReleaseStatus {
  return (STATUSES as readonly string[]).includes(value ?? '') ? (value as HelmReleaseStatus) : 'unknown';
}

function toDate(value: string | null | undefined): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Lenient: only the fields hubfleet reads, any of which helm may leave out. */
const releaseJson = z.object({
  name: z.string(),
  namespace: z.string().nullish(),
  version: z.number().int(),
  info: z
    .object({
      status: z.string().nullish(),
      description: z.string().nullish(),
      last_deployed: z.string().nullish(),
    })
    .nullish(),
});

const historyJson = z.array(
  z.object({
    revision: z.number().int(),
    status: z.string().nullish(),
    updated: z.string().nullish(),
    chart: z.string().nullish(),
    app_version: z.string().nullish(),
    description: z.string().nullish(),
  }),
);

function unreadable(what: string, cause: unknown): HubfleetError {
  return new HubfleetError({
    kind: 'internal',
    message: `helm's ${what} output could not be read`,
    hint: 'run with HUBFLEET_DEBUG=1 and report it: this helm version may print a different format',
    subject: 'helm',
    cause,
  });
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unreadable(what, error);
  }
}

/** `helm status -o json` or `helm upgrade -o json`. */
export function parseReleaseState(stdout: string): HelmReleaseState {
  const parsed = releaseJson.safeParse(parseJson(stdout, 'status'));
  if (!parsed.success) throw unreadable('status', parsed.error);
  const release = parsed.data;
  return {
    name: release.name,
    namespace: release.namespace ?? '',
    revision: release.version,
    status: toStatus(release.info?.status),
    description: release.info?.description ?? undefined,
    lastDeployed: toDate(release.info?.last_deployed),
  };
}

/** `helm history -o json`, oldest revision first. */
export function parseHistory(stdout: string): HelmRevision[] {
  const parsed = historyJson.safeParse(parseJson(stdout, 'history'));
  if (!parsed.success) throw unreadable('history', parsed.error);
  return parsed.data
    .map((entry) => ({
      revision: entry.revision,
      status: toStatus(entry.status),
      updated: toDate(entry.updated),
      chart: entry.chart ?? undefined,
      appVersion: entry.app_version ?? undefined,
      description: entry.description ?? undefined,
    }))
    .sort((left, right) => left.revision - right.revision);
}

function isManifest(value: unknown): value is Manifest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  const metadata = candidate.metadata as Record<string, unknown> | undefined;
  return (
    typeof candidate.apiVersion === 'string' &&
    typeof candidate.kind === 'string' &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.name === 'string'
  );
}

/** The objects of a multi-document YAML stream (`helm template`), skipping empty documents. */
export function parseManifests(stdout: string): Manifest[] {
  const manifests: Manifest[] = [];
  for (const document of parseAllDocuments(stdout)) {
    const [problem] = document.errors;
    if (problem !== undefined) {
      throw new HubfleetError({
        kind: 'invalid-config',
        message: `the chart rendered invalid YAML: ${problem.message}`,
        hint: 'run `helm template --debug` on the chart to see the rendered text',
        subject: 'helm template',
      });
    }
    const value: unknown = document.toJS();
    if (value === null || value === undefined) continue;
    if (!isManifest(value)) {
      throw new HubfleetError({
        kind: 'invalid-config',
        message:
          'the chart rendered a document that is not a Kubernetes object (apiVersion, kind, metadata.name)',
        hint: 'run `helm template --debug` on the chart to see the rendered text',
        subject: 'helm template',
      });
    }
    manifests.push(value);
  }
  return manifests;
}

export interface LintMessage {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/** The `[INFO] ...`, `[WARNING] ...` and `[ERROR] ...` lines of `helm lint`. */
export function parseLintMessages(output: string): LintMessage[] {
  const messages: LintMessage[] = [];
  for (const line of output.split('\n')) {
    const match = /^\[(INFO|WARNING|ERROR)\]\s*(.*)$/.exec(line.trim());
    if (match?.[1] === undefined) continue;
    messages.push({ severity: match[1].toLowerCase() as LintMessage['severity'], text: match[2] ?? '' });
  }
  return messages;
}
