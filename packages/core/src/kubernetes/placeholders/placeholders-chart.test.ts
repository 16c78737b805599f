import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../../../test/fixture-provider.js';
import { validateConfigText } from '../../config/load.js';
import { defaultHelmRunner } from '../helm/default-runner.js';
import { createHelm } from '../helm/helm-client.js';
import { PLACEHOLDERS_CHART } from './placeholders-chart.js';
import { placeholdersRelease } from './placeholders-release.js';
import {
  PLACEHOLDER_PRIORITY_CLASS_NAME,
  USER_PRIORITY_CLASS_NAME,
  USER_SCHEDULER_NAME,
} from './scheduling-names.js';

/** The generator and the chart agree: the chart accepts the values and uses the names hubs rely on. */
const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const helm = createHelm({ run: defaultHelmRunner() });

type Manifest = { kind: string; metadata: { name: string }; spec?: Record<string, unknown> };

/** `helm template` of the project's chart through core's own helm runner. */
async function helmTemplate(
  release: string,
  namespace: string,
  values: Record<string, unknown>,
): Promise<Manifest[]> {
  const manifests = await helm.template({
    chart: join(REPO, PLACEHOLDERS_CHART.chart),
    values,
    namespace,
    releaseName: release,
  });
  return manifests as unknown as Manifest[];
}

const SCHEDULES = `
    - { placeholder: small, cron: "0 10,23 * * MON", replicas: 60, for: 2h }
    - { placeholder: gpu, cron: "45 9 * * MON,WED", timeZone: America/Los_Angeles, replicas: 2, for: 1h }`;

/** The test deployment with these `placeholderSchedule` entries (YAML list items, one per line). */
const validated = (schedules: string) =>
  validateConfigText(
    `apiVersion: hubfleet/v1
name: demo
provider: { kind: fixture, region: here }
cluster:
  nodeGroups:
    - { name: core, role: core, instanceType: small, min: 1, max: 2 }
    - { name: users, role: users, instanceType: large, min: 0, max: 5 }
    - { name: gpu, role: gpu, instanceType: gpu-large, min: 0, max: 2, gpu: { count: 1 } }
ingress: { host: hub.example.edu, tls: { mode: letsencrypt, email: ops@example.edu } }
tools:
  placeholders:
    - { name: small, nodeGroup: users, replicas: 20, cpu: 0.1, memory: 0.5G }
    - { name: gpu, nodeGroup: gpu, replicas: 1, cpu: 2, memory: 8G, gpu: 1 }
  placeholderSchedule:${schedules}
hubs:
  - name: course
    auth: { type: native, admins: [admin] }
`,
    { registry, file: 'hubfleet.yaml', checkSecrets: false },
  );

const config = (() => {
  const result = validated(SCHEDULES);
  if (!result.config) throw new Error(JSON.stringify(result.issues));
  return result.config;
})();

describe('charts/placeholders with generated values', () => {
  const release = placeholdersRelease(config);
  let manifests: Manifest[] = [];
  beforeAll(async () => {
    manifests = await helmTemplate(release.release, release.namespace, release.values);
  });
  const names = (kind: string) =>
    manifests.filter((manifest) => manifest.kind === kind).map((manifest) => manifest.metadata.name);

  it('has the version core pins', () => {
    const chart = parse(readFileSync(join(REPO, PLACEHOLDERS_CHART.chart, 'Chart.yaml'), 'utf8'));
    expect(chart.version).toBe(PLACEHOLDERS_CHART.version);
  });

  it('creates the scheduler and priority classes under the names hubs use', () => {
    expect(names('Deployment')).toContain(USER_SCHEDULER_NAME);
    expect(names('PriorityClass').sort()).toEqual([
      PLACEHOLDER_PRIORITY_CLASS_NAME,
      USER_PRIORITY_CLASS_NAME,
    ]);
  });

  it('renders one Deployment per size and a raise plus every computed lower CronJob', () => {
    expect(names('Deployment')).toEqual(expect.arrayContaining(['placeholder-small', 'placeholder-gpu']));
    expect(names('CronJob').sort()).toEqual([
      'gpu-lower-1-0',
      'gpu-raise-1',
      'small-lower-0-0',
      'small-lower-0-1',
      'small-raise-0',
    ]);
  });

  it('reads each schedule in its own IANA time zone (CronJob spec.timeZone), UTC by default', () => {
    const zoneOf = (name: string) =>
      manifests.find((manifest) => manifest.kind === 'CronJob' && manifest.metadata.name === name)?.spec
        ?.timeZone;
    expect(zoneOf('gpu-raise-1')).toBe('America/Los_Angeles');
    expect(zoneOf('gpu-lower-1-0')).toBe('America/Los_Angeles');
    expect(zoneOf('small-raise-0')).toBe('Etc/UTC');
  });

  it('refuses an unknown time zone and a cron croner does not accept, as config errors', () => {
    const issues = (schedule: string) =>
      validated(`\n    - ${schedule}`).issues.map((issue) => `${issue.pathText}: ${issue.message}`);
    expect(
      issues('{ placeholder: small, cron: "0 9 * * *", timeZone: Mars/Base, replicas: 2, for: 1h }'),
    ).toEqual([
      'tools.placeholderSchedule[0].timeZone: must be an IANA time zone such as "America/Los_Angeles" or "Europe/London"',
    ]);
    expect(issues('{ placeholder: small, cron: "61 9 * * *", replicas: 2, for: 1h }')).toEqual([
      'tools.placeholderSchedule[0].cron: is not a valid cron expression: Invalid value for minute: 61',
    ]);
  });
});
