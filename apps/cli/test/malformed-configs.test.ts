import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, limitConcurrency, repoRoot, runHubfleet, STACK_TRACE } from './cli-harness.js';

const BASE = readFileSync(join(repoRoot, 'examples/quickstart.yaml'), 'utf8');

/** Replace text that must exist in the base, so no case silently tests the valid file. */
function edit(text: string, ...pairs: [from: string, to: string][]): string {
  let result = text;
  for (const [from, to] of pairs) {
    if (!result.includes(from)) throw new Error(`test setup: "${from}" is not in the config`);
    result = result.replace(from, to);
  }
  return result;
}

const HUB_AUTH = 'auth: { type: native, admins: [admin], openSignup: false }';
const withHubLines = (lines: string) => edit(BASE, [`    ${HUB_AUTH}`, `    ${HUB_AUTH}\n${lines}`]);
const GPU_GROUP = `    - name: gpu
      role: gpu
      instanceType: g4dn.xlarge
      min: 0
      max: 2
      gpu: { count: 1 }
ingress:`;

interface Case {
  name: string;
  text: string;
  /** Expected issue path (`hubs[0].auth.type`); '' for a whole-file problem. */
  path: string;
  message: RegExp;
  /** The text the issue must point at: its line and column are computed from the case's own text. */
  /** `[context, token]`: `token` inside the first occurrence of `context`, for tokens that repeat. */
  at?: string | [context: string, token: string];
  hint?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'YAML: unclosed flow sequence',
    text: edit(BASE, ['admins: [admin]', 'admins: [admin']),
    path: '',
    message: /^YAML syntax error/,
  },
  {
    name: 'YAML: tab indentation',
    text: edit(BASE, ['      role: core', '\trole: core']),
    path: '',
    message: /^YAML syntax error/,
  },
  {
    name: 'YAML: duplicate key',
    text: edit(BASE, ['name: quickstart', 'name: quickstart\nname: again']),
    path: '',
    message: /Map keys must be unique/,
    at: 'name: again',
  },
  {
    name: 'empty file',
    text: '',
    path: '',
    message: /^the file is empty$/,
    hint: /examples\/quickstart.yaml/,
  },
  {
    name: 'only comments',
    text: '# nothing yet\n# still nothing\n',
    path: '',
    message: /^the file is empty$/,
  },
  {
    name: 'non-mapping root: a list',
    text: '- apiVersion: hubfleet/v1\n- name: x\n',
    path: '',
    message: /must be a mapping of sections.*not a list/,
  },
  { name: 'non-mapping root: a scalar', text: 'hubfleet\n', path: '', message: /not a single value/ },
  {
    name: 'alias bomb',
    text: [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n'),
    path: '',
    message: /aliases expand too far/,
  },
  {
    name: 'oversized file',
    text: `${BASE}\n# ${'x'.repeat(1024 * 1024)}\n`,
    path: '',
    message: /larger than 1024 KiB/,
  },
  {
    name: 'wrong apiVersion',
    text: edit(BASE, ['apiVersion: hubfleet/v1', 'apiVersion: hubfleet/v2']),
    path: 'apiVersion',
    message: /must be "hubfleet\/v1"/,
    at: 'hubfleet/v2',
  },
  {
    name: 'missing apiVersion',
    text: edit(BASE, ['apiVersion: hubfleet/v1\n', '']),
    path: 'apiVersion',
    message: /^is required but missing: write apiVersion: hubfleet\/v1$/,
  },
  {
    name: 'missing name',
    text: edit(BASE, ['name: quickstart    ', '#']),
    path: 'name',
    message: /is required but missing/,
  },
  {
    name: 'name not a DNS label',
    text: edit(BASE, ['name: quickstart', 'name: Quick_Start']),
    path: 'name',
    message: /DNS-1123 label/,
    at: 'Quick_Start',
  },
  {
    name: 'overlong name',
    text: edit(BASE, ['name: quickstart', `name: ${'a'.repeat(41)}`]),
    path: 'name',
    message: /at most 40 characters/,
    at: 'a'.repeat(41),
  },
  {
    name: 'unknown top-level key',
    text: edit(BASE, ['hubs:\n', 'hubz: []\nhubs:\n']),
    path: 'hubz',
    message: /unknown field "hubz"/,
    hint: /did you mean "hubs"/,
    at: 'hubz',
  },
  {
    name: 'unknown provider kind',
    text: edit(BASE, ['kind: aws', 'kind: awz']),
    path: 'provider.kind',
    message: /must be one of aws \| openstack \| gke \| nectar/,
    hint: /did you mean "aws"/,
    at: 'awz',
  },
  {
    name: 'unknown provider field',
    text: edit(BASE, ['  region: us-west-2', '  regoin: us-west-2']),
    path: 'provider.regoin',
    message: /unknown field "regoin"/,
    hint: /did you mean "region"/,
    at: 'regoin',
  },
  {
    name: 'invalid nodegroup role',
    text: edit(BASE, ['role: users', 'role: user']),
    path: 'cluster.nodeGroups[2].role',
    message: /must be one of tools \| core \| users \| gpu/,
    hint: /did you mean "users"/,
    at: 'user\n',
  },
  {
    name: 'unknown instance type',
    text: edit(BASE, ['instanceType: t3a.large', 'instanceType: t3a.lrage']),
    path: 'cluster.nodeGroups[2].instanceType',
    message: /"t3a.lrage" is not a AWS EKS instance type/,
    hint: /did you mean "t3a.large"/,
    at: 't3a.lrage',
  },
  {
    name: 'min > max',
    text: edit(BASE, ['      min: 1\n      max: 2', '      min: 3\n      max: 2']),
    path: 'cluster.nodeGroups[1].min',
    message: /min \(3\) is more than max \(2\)/,
    at: '3\n      max: 2',
  },
  {
    name: 'negative min',
    text: edit(BASE, ['      min: 0\n', '      min: -1\n']),
    path: 'cluster.nodeGroups[2].min',
    message: /must be 0 or more/,
    at: '-1',
  },
  {
    name: 'max is a word',
    text: edit(BASE, ['      max: 3', '      max: three']),
    path: 'cluster.nodeGroups[2].max',
    message: /must be a number, not the string "three"/,
    at: 'three',
  },
  {
    name: 'no core nodegroup',
    text: edit(BASE, ['      role: core', '      role: tools']),
    path: 'cluster.nodeGroups',
    message: /needs a nodegroup with role "core"/,
  },
  {
    name: 'no users nodegroup',
    text: edit(BASE, ['      role: users', '      role: tools']),
    path: 'cluster.nodeGroups',
    message: /needs a nodegroup with role "users"/,
  },
  {
    name: 'duplicate nodegroup names',
    text: edit(BASE, ['- name: core ', '- name: tools']),
    path: 'cluster.nodeGroups[1].name',
    message: /duplicate nodegroup name "tools"/,
    at: ['- name: tools                       # the hub', 'tools'],
  },
  {
    name: 'duplicate hub names',
    text: `${BASE}  - name: demo\n    auth: { type: native }\n`,
    path: 'hubs[1].name',
    message: /duplicate hub name "demo"/,
    at: 'demo\n    auth: { type: native }',
  },
  {
    name: 'hub named like a system namespace',
    text: edit(BASE, ['- name: demo ', '- name: kube-system ']),
    path: 'hubs[0].name',
    message: /namespace hubfleet or Kubernetes already uses/,
    at: 'kube-system',
  },
  {
    name: 'dangling profile nodeGroup',
    text: withHubLines('    profiles:\n      - { name: big, displayName: Big, nodeGroup: userz }'),
    path: 'hubs[0].profiles[0].nodeGroup',
    message: /nodegroup "userz" does not exist/,
    hint: /did you mean "users"/,
    at: 'userz',
  },
  {
    name: 'profile on a core nodegroup',
    text: withHubLines('    profiles:\n      - { name: big, displayName: Big, nodeGroup: core }'),
    path: 'hubs[0].profiles[0].nodeGroup',
    message: /has role "core"; user servers run only on users or gpu/,
    at: 'core }',
  },
  {
    name: 'gpu profile without a gpu nodegroup',
    text: withHubLines('    profiles:\n      - { name: ml, displayName: ML, gpu: 1 }'),
    path: 'hubs[0].profiles[0].gpu',
    message: /needs a nodegroup with role gpu, and there is none/,
    at: '1 }',
  },
  {
    name: 'gpu nodegroup without gpu.count',
    text: edit(BASE, ['ingress:', GPU_GROUP.replace('      gpu: { count: 1 }\n', '')]),
    path: 'cluster.nodeGroups[3].gpu',
    message: /a gpu nodegroup needs gpu.count/,
  },
  {
    name: 'placeholder on a missing nodegroup',
    text: edit(BASE, [
      'tools:\n',
      'tools:\n  placeholders:\n    - { name: small, nodeGroup: gpu, replicas: 2, cpu: 0.1, memory: 0.5G }\n',
    ]),
    path: 'tools.placeholders[0].nodeGroup',
    message: /nodegroup "gpu" does not exist/,
    at: 'gpu, replicas',
  },
  {
    name: 'schedule names a missing placeholder',
    text: edit(BASE, [
      'tools:\n',
      'tools:\n  placeholders:\n    - { name: small, nodeGroup: users, replicas: 2, cpu: 0.1, memory: 0.5G }\n  placeholderSchedule:\n    - { placeholder: smal, cron: "45 9 * * MON", replicas: 10, for: 2h }\n',
    ]),
    path: 'tools.placeholderSchedule[0].placeholder',
    message: /placeholder "smal" does not exist/,
    hint: /did you mean "small"/,
    at: 'smal,',
  },
  {
    name: 'letsencrypt without email',
    text: edit(BASE, ['    email: you@example.edu ', '   ']),
    path: 'ingress.tls.email',
    message: /letsencrypt needs an e-mail/,
  },
  {
    name: 'manual TLS without files',
    text: edit(BASE, ['mode: letsencrypt', 'mode: manual'], ['    email: you@example.edu ', '   ']),
    path: 'ingress.tls.certFile',
    message: /manual TLS needs certFile/,
  },
  {
    name: 'unknown TLS mode',
    text: edit(BASE, ['mode: letsencrypt', 'mode: acme']),
    path: 'ingress.tls.mode',
    message: /must be one of letsencrypt \| manual \| none/,
    at: 'acme',
  },
  {
    name: 'host with a scheme',
    text: edit(BASE, ['host: hub.example.edu', 'host: https://hub.example.edu']),
    path: 'ingress.host',
    message: /lower-case DNS host name/,
    at: 'https://',
  },
  {
    name: 'plaintext LTI secret',
    text: edit(BASE, [
      HUB_AUTH,
      'auth: { type: lti11, consumerKey: { fromEnv: LTI_KEY }, sharedSecret: hunter2 }',
    ]),
    path: 'hubs[0].auth.sharedSecret',
    message: /takes a reference, not the value: write \{ fromEnv: VARIABLE_NAME \}/,
    at: 'hunter2',
  },
  {
    name: 'plaintext Grafana password',
    text: edit(BASE, [
      'monitoring: { enabled: false }',
      'monitoring: { enabled: true, grafana: { adminPassword: swordfish } }',
    ]),
    path: 'tools.monitoring.grafana.adminPassword',
    message: /is a secret, so it takes a reference/,
    at: 'swordfish',
  },
  {
    name: 'secret env name invalid',
    text: edit(BASE, [
      HUB_AUTH,
      'auth: { type: github, clientId: abc, clientSecret: { fromEnv: "my secret" } }',
    ]),
    path: 'hubs[0].auth.clientSecret.fromEnv',
    message: /must be an environment variable name/,
    at: '"my secret"',
  },
  {
    name: 'unknown auth type',
    text: edit(BASE, ['type: native', 'type: ldap']),
    path: 'hubs[0].auth.type',
    message: /must be one of lti11 \| lti13 \| oauth \| google \| github \| native \| dummy/,
    at: 'ldap',
  },
  {
    name: 'oauth without tokenUrl',
    text: edit(BASE, [
      HUB_AUTH,
      'auth: { type: oauth, clientId: x, clientSecret: { fromEnv: S }, authorizeUrl: "https://iam/a", userdataUrl: "https://iam/u" }',
    ]),
    path: 'hubs[0].auth.tokenUrl',
    message: /is required but missing/,
    at: '{ type: oauth',
  },
  {
    name: 'unknown storage mode',
    text: edit(BASE, ['home: shared-nfs', 'home: nfs']),
    path: 'hubs[0].storage.home',
    message: /must be one of shared-nfs \| per-user-volume/,
    at: 'nfs ',
  },
  {
    name: 'unknown onDelete',
    text: edit(BASE, ['      size: 10Gi', '      size: 10Gi\n      onDelete: destroy']),
    path: 'hubs[0].storage.onDelete',
    message: /must be one of retain \| snapshot \| delete/,
    at: 'destroy',
  },
  {
    name: 'size not a quantity',
    text: edit(BASE, ['size: 10Gi', 'size: 10GB']),
    path: 'hubs[0].storage.size',
    message: /Kubernetes quantity/,
    at: '10GB',
  },
  {
    name: 'duration not a duration',
    text: edit(BASE, ['idleTimeout: 1h', 'idleTimeout: 1 hour']),
    path: 'hubs[0].culling.idleTimeout',
    message: /must be a duration such as 30s/,
    at: '1 hour',
  },
  {
    name: 'cpu guarantee above limit',
    text: edit(BASE, ['cpu: { guarantee: 0.1, limit: 1 }', 'cpu: { guarantee: 2, limit: 1 }']),
    path: 'hubs[0].resources.cpu.guarantee',
    message: /guarantee \(2\) is more than limit \(1\)/,
    at: '2, limit',
  },
  {
    name: 'memory that no node has',
    text: edit(BASE, ['memory: { guarantee: 0.5G, limit: 1G }', 'memory: { guarantee: 64G, limit: 64G }']),
    path: 'hubs[0].resources.memory',
    message: /asks for 64G memory but t3a.large has 8Gi/,
  },
  {
    name: 'unquoted Kubernetes version',
    text: edit(BASE, ['cluster:\n', 'cluster:\n  kubernetesVersion: 1.30\n']),
    path: 'cluster.kubernetesVersion',
    message: /must be a string, not number 1.3/,
    hint: /quoted: "1.34"/,
    at: '1.30',
  },
  {
    name: 'sharedDir with per-user volumes',
    text: edit(BASE, ['home: shared-nfs', 'home: per-user-volume\n      sharedDir: true']),
    path: 'hubs[0].storage.sharedDir',
    message: /~\/shared lives on the hub NFS disk/,
    at: ['sharedDir: true', 'true'],
  },
  {
    name: 'unknown hub field with near name',
    text: edit(BASE, ['displayName: Demo hub', 'displayname: Demo hub']),
    path: 'hubs[0].displayname',
    message: /unknown field "displayname"/,
    hint: /did you mean "displayName"/,
    at: 'displayname',
  },
  {
    name: 'bad cron',
    text: edit(BASE, [
      'tools:\n',
      'tools:\n  backups: { enabled: true, bucket: qs-backups, schedule: "daily" }\n',
    ]),
    path: 'tools.backups.schedule',
    message: /five-field cron expression/,
    at: '"daily"',
  },
  {
    name: 'backups without a bucket',
    text: edit(BASE, ['tools:\n', 'tools:\n  backups: { enabled: true }\n']),
    path: 'tools.backups.bucket',
    message: /backups need a bucket/,
  },
  {
    name: 'gpu on a users nodegroup',
    text: edit(BASE, ['      max: 3', '      max: 3\n      gpu: { count: 1 }']),
    path: 'cluster.nodeGroups[2].gpu',
    message: /gpu is set but the role is "users"/,
    at: '{ count: 1 }',
  },
];

function expectedPosition(text: string, at: string | [string, string]): { line: number; column: number } {
  const [context, token] = typeof at === 'string' ? [at, at] : at;
  if (!text.includes(context) || !context.includes(token))
    throw new Error(`test setup: "${context}" is not in the case's text`);
  const offset = text.indexOf(context) + context.indexOf(token);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe(`hubfleet validate on ${CASES.length} malformed configs`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-malformed-'));
  const runs = new Map<string, Promise<{ text: CliRun; json: CliRun }>>();

  beforeAll(() => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    // Every case's two runs are queued now and run a few at a time (not all 100-odd processes at
    // once); each test waits only for its own case.
    const limit = limitConcurrency(4);
    CASES.forEach((testCase, index) => {
      const file = join(directory, `case-${index}.yaml`);
      writeFileSync(file, testCase.text);
      const text = limit(() => runHubfleet(['validate', '-c', file]));
      const json = limit(() => runHubfleet(['validate', '-c', file, '--output', 'json']));
      runs.set(
        testCase.name,
        Promise.all([text, json]).then(([textRun, jsonRun]) => ({ text: textRun, json: jsonRun })),
      );
    });
  });

  it.each(CASES)('$name', async (testCase) => {
    const run = await runs.get(testCase.name);
    expect(run, 'the CLI ran').toBeDefined();
    const { text, json } = run as { text: CliRun; json: CliRun };
    expect(text.code).toBe(2);
    expect(json.code).toBe(2);
    expect(text.stderr).not.toMatch(STACK_TRACE);
    expect(text.stderr).not.toContain('internal error');
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      issues: {
        pathText: string;
        message: string;
        hint?: string;
        severity: string;
        position?: { line: number; column: number };
      }[];
    };
    expect(report.ok).toBe(false);
    const issue = report.issues.find(
      (candidate) =>
        candidate.severity === 'error' &&
        candidate.pathText === testCase.path &&
        testCase.message.test(candidate.message),
    );
    expect(
      issue,
      `an error at "${testCase.path}" matching ${testCase.message}; got ${JSON.stringify(report.issues, null, 1)}`,
    ).toBeDefined();
    if (testCase.hint) expect(issue?.hint).toMatch(testCase.hint);
    if (testCase.at) expect(issue?.position).toEqual(expectedPosition(testCase.text, testCase.at));
    const location = issue?.position ? `:${issue.position.line}:${issue.position.column}` : '';
    expect(text.stderr).toContain(`case-${CASES.indexOf(testCase)}.yaml${location}`);
    expect(text.stderr).toContain(issue?.message);
    for (const secret of ['hunter2', 'swordfish']) expect(json.stdout).not.toContain(secret);
  });
});
