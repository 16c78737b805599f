import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runHubfleet, STACK_TRACE } from './cli-harness.js';

const EXAMPLES = readdirSync(join(repoRoot, 'examples')).filter((file) => file.endsWith('.yaml'));

/** Every secret the examples reference, with a stand-in value (validate checks they resolve). */
function secretEnvironment(): Record<string, string> {
  const names = new Set<string>();
  for (const file of EXAMPLES) {
    for (const match of readFileSync(join(repoRoot, 'examples', file), 'utf8').matchAll(
      /fromEnv:\s*([A-Za-z_][A-Za-z0-9_]*)/g,
    )) {
      names.add(match[1] as string);
    }
  }
  return Object.fromEntries([...names].map((name) => [name, `stand-in-${name.toLowerCase()}-value`]));
}

/**
 * A copy of examples/ in which every file a config refers to (`fromFile` secrets, `certFile`) exists
 * with stand-in content, as it would on an operator's machine.
 */
function examplesWithSecretFiles(): string {
  const directory = mkdtempSync(join(tmpdir(), 'hubfleet-examples-'));
  for (const file of EXAMPLES) {
    copyFileSync(join(repoRoot, 'examples', file), join(directory, file));
    const text = readFileSync(join(repoRoot, 'examples', file), 'utf8');
    for (const match of text.matchAll(/(?:fromFile|certFile):\s*([^\s},#]+)/g)) {
      const path = join(directory, match[1] as string);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `stand-in content of ${match[1]}\n`);
    }
  }
  return directory;
}

describe('examples/', () => {
  const env = secretEnvironment();
  const prepared = examplesWithSecretFiles();

  it('holds one config per seed deployment plus the quickstart', () => {
    expect(EXAMPLES.sort()).toEqual([
      'aws-dsosu.yaml',
      'gke-rhodes.yaml',
      'nectar-unimelb.yaml',
      'openstack-stfc.yaml',
      'quickstart.yaml',
    ]);
  });

  it.each(EXAMPLES)('%s validates with its secrets resolvable', async (file) => {
    const run = await runHubfleet(['validate', '-c', join(prepared, file)], { env });
    expect(run.stderr.split('\n').filter((line) => line.includes(': error:'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${file}: valid`);
  });

  it('quickstart validates with no environment at all', async () => {
    const run = await runHubfleet(['validate', '-c', 'examples/quickstart.yaml']);
    expect(run.code).toBe(0);
  });

  it('reports unresolved secrets by path, and never their values', async () => {
    const run = await runHubfleet(['validate', '-c', 'examples/aws-dsosu.yaml', '--output', 'json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { issues: { pathText: string; message: string }[] };
    expect(report.issues.some((issue) => /environment variable [A-Z_]+ is not set/.test(issue.message))).toBe(
      true,
    );
    const withValues = await runHubfleet(
      ['validate', '-c', join(prepared, 'aws-dsosu.yaml'), '--show-defaults'],
      {
        env,
      },
    );
    expect(withValues.code).toBe(0);
    for (const value of Object.values(env)) expect(withValues.stdout).not.toContain(value);
    expect(withValues.stdout).toContain('fromEnv:');
  });
});

describe('hubfleet schema', () => {
  let schema: Record<string, unknown>;

  beforeAll(async () => {
    const run = await runHubfleet(['schema']);
    expect(run.code).toBe(0);
    schema = JSON.parse(run.stdout);
  });

  it('is a JSON Schema that ajv compiles and that accepts every example', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(schema);
    for (const file of EXAMPLES) {
      const document = parse(readFileSync(join(repoRoot, 'examples', file), 'utf8'));
      const valid = check(document);
      expect(valid, `${file}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('rejects what validate rejects structurally, and carries the zod descriptions', () => {
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(schema);
    const document = parse(readFileSync(join(repoRoot, 'examples/quickstart.yaml'), 'utf8'));
    expect(check({ ...document, hubz: [] })).toBe(false);
    expect(check({ ...document, provider: { kind: 'azure' } })).toBe(false);
    expect(JSON.stringify(schema)).toContain('Every hub is served at https://<host>/<hub-name>/.');
  });

  it('matches the committed hubfleet.schema.json that the examples point editors at', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'hubfleet.schema.json'), 'utf8'));
    expect(committed, 'run `npx hubfleet schema > hubfleet.schema.json`').toEqual(schema);
  });
});

describe('hubfleet basics', () => {
  it('--help lists the commands with examples, exit 0', async () => {
    const run = await runHubfleet(['--help']);
    expect(run.code).toBe(0);
    for (const word of ['validate', 'schema', 'catalog', 'Examples:', 'Exit codes'])
      expect(run.stdout).toContain(word);
  });

  it('--version prints the package version', async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'apps/cli/package.json'), 'utf8'));
    const run = await runHubfleet(['--version']);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it('usage errors exit 2 without a stack trace', async () => {
    for (const args of [
      ['validate'],
      ['frobnicate'],
      ['validate', '-c', 'examples/quickstart.yaml', '--output', 'xml'],
    ]) {
      const run = await runHubfleet(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it('a missing file is invalid input, named', async () => {
    const run = await runHubfleet(['validate', '-c', 'nope.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.yaml: error: the file does not exist or cannot be read');
  });

  it('catalog lists machine types with prices and says where prices came from', async () => {
    const run = await runHubfleet(['catalog', 'aws']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/t3a\.large\s+2\s+8Gi/);
    expect(run.stdout).toContain('prices for us-west-2:');
    const unknown = await runHubfleet(['catalog', 'awz']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "aws"?');
  });
});
