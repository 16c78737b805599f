import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type HubfleetConfig, type ProviderV1, validateConfigText } from '@hubfleet/core';
import { renderDeployment } from '@hubfleet/core/kubernetes';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registry } from '../src/providers.js';
import { repoRoot, runHubfleet, STACK_TRACE } from './cli-harness.js';

const QUICKSTART = readFileSync(join(repoRoot, 'examples/quickstart.yaml'), 'utf8');
const DSOSU = readFileSync(join(repoRoot, 'examples/aws-dsosu.yaml'), 'utf8');

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in the config`);
  return text.replace(from, to);
}

const hubs = (count: number) =>
  Array.from(
    { length: count },
    (_, index) => `  - { name: h${index}, auth: { type: native, admins: [admin], openSignup: false } }`,
  ).join('\n');
const withHubs = (count: number) =>
  `${QUICKSTART.slice(0, QUICKSTART.indexOf('hubs:'))}hubs:\n${hubs(count)}\n`;
const schedule = (cron: string, duration: string) =>
  edit(
    DSOSU,
    '{ placeholder: small, cron: "45 9 * * MON,WED", replicas: 60, for: 2h }',
    `{ placeholder: small, cron: "${cron}", replicas: 60, for: ${duration} }`,
  );

interface RenderCase {
  name: string;
  text: string;
  /** What `render` (and so `plan` and `up`) fails with when the config gets that far. */
  renderError: RegExp;
  /** Where `validate` must report it first. */
  validatePath: string;
}

/** One config per error `render` can raise from a config's content, offline. */
const RENDER_CASES: Record<string, RenderCase[]> = {
  'kubernetes/storage/nfs-cluster-ip.ts': [
    {
      name: '254 shared-nfs hubs: more than the fixed addresses of the Service range',
      text: withHubs(254),
      renderError: /no fixed address is left for hub/,
      validatePath: 'hubs[253].storage.home',
    },
  ],
  'kubernetes/placeholders/lower-cron.ts': [
    {
      name: 'a raise on a day of the month whose window crosses midnight',
      text: schedule('0 23 1 * *', '2h'),
      renderError: /cannot compute when to lower placeholders/,
      validatePath: 'tools.placeholderSchedule[0].for',
    },
  ],
  'kubernetes/placeholders/placeholder-values.ts': [
    {
      name: 'a placeholder on a nodegroup that does not exist',
      text: edit(DSOSU, 'nodeGroup: jhusers, replicas: 20', 'nodeGroup: nosuchgroup, replicas: 20'),
      renderError: /names nodegroup "nosuchgroup", which does not exist/,
      validatePath: 'tools.placeholders[0].nodeGroup',
    },
  ],
  'kubernetes/tools/backups.ts': [
    {
      name: 'backups on without a bucket',
      text: edit(QUICKSTART, 'tools:\n', 'tools:\n  backups: { enabled: true }\n'),
      renderError: /backups need a bucket/,
      validatePath: 'tools.backups.bucket',
    },
  ],
};

/** `invalid-config` errors on the render path that no config content can cause, and why. */
const NOT_FROM_CONFIG: Record<string, string> = {
  'kubernetes/storage/service-cidr.ts': 'the Service range comes from the provider or the live cluster',
  'deployment/check-machine-types.ts':
    'what the account offers in its region, asked of the cloud by plan (offline validate warns on unknown types)',
  'kubernetes/install/kube-client.ts': "a live API server's answers (400, 422) during up",
  'kubernetes/install/kubeconfig.ts':
    'a kubeconfig the provider or the user handed over at run time, not hubfleet.yaml',
  'kubernetes/helm/helm-errors.ts': "helm's own answers while installing, online",
  'kubernetes/helm/helm-args.ts': "chart versions are pinned in hubfleet's own chart list",
  'kubernetes/helm/helm-output.ts': 'what a chart rendered, not what the config says',
};

const SOURCE = join(repoRoot, 'packages/core/src');

/** Every file of core's render and deployment code that raises `invalid-config`. */
function raisingFiles(): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        if (/kind: 'invalid-config'|'invalid-config'\s*,?$/m.test(readFileSync(path, 'utf8'))) {
          found.push(relative(SOURCE, path));
        }
      }
    }
  };
  for (const area of ['kubernetes', 'deployment']) walk(join(SOURCE, area));
  return found.sort();
}

/** The config as the schema alone accepts it: what `render` would get if `validate` were not asked first. */
function schemaOnly(text: string): { config: HubfleetConfig; provider: ProviderV1 } {
  const providers = registry();
  const result = providers.schema.safeParse(parse(text));
  if (!result.success)
    throw new Error(`test setup: the case does not meet the schema: ${result.error.message}`);
  const config = result.data as unknown as HubfleetConfig;
  return { config, provider: providers.get(config.provider.kind) as ProviderV1 };
}

const directory = mkdtempSync(join(tmpdir(), 'hubfleet-validate-first-'));
mkdirSync(join(directory, 'tls'));
writeFileSync(join(directory, 'tls', 'wildcard.crt'), '-----BEGIN CERTIFICATE-----\n');

describe('validate is the contract for render, plan and up', () => {
  it('every file of the render path that raises invalid-config has cases (or is not reachable from a config)', () => {
    const accounted = [...Object.keys(RENDER_CASES), ...Object.keys(NOT_FROM_CONFIG)].sort();
    expect(raisingFiles()).toEqual(accounted);
  });

  const cases = Object.entries(RENDER_CASES).flatMap(([file, list]) =>
    list.map((item) => ({ file, ...item })),
  );
  it.each(cases)(
    '$file: $name — render fails on it, validate reports it first',
    ({ text, renderError, validatePath }) => {
      const { config, provider } = schemaOnly(text);
      expect(() => renderDeployment(config, provider)).toThrow(renderError);
      const result = validateConfigText(text, {
        registry: registry(),
        file: join(directory, 'hubfleet.yaml'),
        checkSecrets: false,
      });
      const errors = result.issues.filter((issue) => issue.severity === 'error');
      expect(errors.map((issue) => issue.pathText)).toContain(validatePath);
      expect(errors.find((issue) => issue.pathText === validatePath)?.position?.line).toBeGreaterThan(0);
      expect(result.config).toBeUndefined();
    },
  );
});

describe('validate refuses what up would fail on half-way: exit 2 with file:line', () => {
  const validate = async (name: string, text: string, checkFiles = false) => {
    const file = join(directory, name);
    writeFileSync(file, text);
    const run = await runHubfleet(['validate', '-c', file, ...(checkFiles ? [] : ['--no-check-secrets'])]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    return { ...run, file };
  };

  it('storage size 17Ti (EBS gp3 stops at 16 TiB) and 0Gi', async () => {
    const big = await validate('big.yaml', edit(QUICKSTART, 'size: 10Gi', 'size: 17Ti'));
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(
      new RegExp(
        `${big.file}:\\d+:\\d+: error: hubs\\[0\\]\\.storage\\.size: 17Ti is outside what a EBS gp3 volume can be \\(1 GiB to 16 TiB\\)`,
      ),
    );
    const zero = await validate('zero.yaml', edit(QUICKSTART, 'size: 10Gi', 'size: 0Gi'));
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/:\d+:\d+: error: hubs\[0\]\.storage\.size: 0Gi is no disk at all/);
  });

  it('254 shared-nfs hubs', async () => {
    const run = await validate('many.yaml', withHubs(254));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /:\d+:\d+: error: hubs\[253\]\.storage\.home: 254 hubs use shared-nfs storage, and only 253 fixed addresses/,
    );
    expect((await validate('fits.yaml', withHubs(253))).code).toBe(0);
  });

  it('a certFile that is a directory or /dev/zero', async () => {
    mkdirSync(join(directory, 'certdir'));
    for (const certFile of ['./certdir', '/dev/zero']) {
      // Files are checked where the config is validated with its files (not with --no-check-secrets).
      const run = await validate(
        'cert.yaml',
        edit(DSOSU, 'certFile: ./tls/wildcard.crt', `certFile: ${certFile}`),
        true,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /:\d+:\d+: error: ingress\.tls\.certFile: certificate file \S+ is not a regular file/,
      );
    }
  });

  it('a cron with hour 25, and a time-zone-free schedule that cannot be lowered', async () => {
    const run = await validate('cron.yaml', schedule('0 25 * * MON', '2h'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /:\d+:\d+: error: tools\.placeholderSchedule\[0\]\.cron: is not a valid cron expression: Invalid value for hour: 25/,
    );
  });
});
