import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubfleetBin, repoRoot, runHubfleet, STACK_TRACE } from './cli-harness.js';

/** Issue 11's "smaller" list: flags, discovery, EPIPE, colour, completion, version. */
describe('command-line conveniences', { timeout: 120_000 }, () => {
  it('refuses --sim-speed without --sim (exit 2) before reading anything', async () => {
    const run = await runHubfleet(['plan', '-c', 'examples/quickstart.yaml', '--sim-speed', '5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --sim-speed: applies only with --sim');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('uses ./hubfleet.yaml when -c is not given, and says so when there is none', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-discovery-'));
    const missing = await runHubfleet(['validate'], { cwd: directory });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`no config given and there is no hubfleet.yaml in ${directory}`);
    writeFileSync(
      join(directory, 'hubfleet.yaml'),
      readFileSync(join(repoRoot, 'examples', 'quickstart.yaml')),
    );
    const found = await runHubfleet(['validate'], { cwd: directory });
    expect(found.stderr).not.toContain('no config given');
    expect(found.code).toBe(0);
  });

  it('stops quietly when the reader of its output goes away (EPIPE), with no stack trace', async () => {
    const child = spawn(process.execPath, [hubfleetBin, 'catalog', 'gke'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const shell = spawnSync('sh', ['-c', `"${process.execPath}" "${hubfleetBin}" catalog gke | head -1`], {
      encoding: 'utf8',
    });
    expect(shell.stdout).toBe('Google GKE: 61 machine types\n');
    expect(shell.stderr).toBe('');
  });

  it('prints a plan without colour when not on a terminal (colour rules are unit-tested)', async () => {
    const run = await runHubfleet(['catalog', 'aws']);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toContain('prices for us-west-2: ');
  });

  it('prints completion scripts that the shells accept, listing every command', async () => {
    const bash = await runHubfleet(['completion', 'bash']);
    expect(bash.code).toBe(0);
    for (const command of [
      'validate',
      'plan',
      'up',
      'down',
      'status',
      'kubeconfig',
      'completion',
      'version',
    ]) {
      expect(bash.stdout).toContain(command);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'hubfleet-completion-')), 'hubfleet.bash');
    writeFileSync(file, bash.stdout);
    const words = spawnSync(
      'bash',
      [
        '-c',
        `source "${file}"; COMP_WORDS=(hubfleet plan --s); COMP_CWORD=2; _hubfleet; echo "\${COMPREPLY[*]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(words.stdout.trim().split(' ').sort()).toEqual(['--sim', '--sim-speed']);
    expect((await runHubfleet(['completion', 'zsh'])).stdout).toMatch(/^#compdef hubfleet/);
    expect((await runHubfleet(['completion', 'fish'])).stdout).toContain(
      "complete -c hubfleet -n '__fish_seen_subcommand_from up' -l allow-replace",
    );
    const unknown = await runHubfleet(['completion', 'tcsh']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('use one of: bash, zsh, fish');
  });

  it('every offline JSON output carries formatVersion (validate, catalog)', async () => {
    const validate = JSON.parse(
      (await runHubfleet(['validate', '-c', 'examples/quickstart.yaml', '-o', 'json'])).stdout,
    );
    expect(validate).toMatchObject({ formatVersion: 1, ok: true });
    const catalog = JSON.parse((await runHubfleet(['catalog', 'aws', '-o', 'json'])).stdout);
    expect(catalog).toMatchObject({ formatVersion: 1, provider: 'aws', priceRegion: 'us-west-2' });
  });

  it('hubfleet version prints the version; --output json carries formatVersion', async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'apps', 'cli', 'package.json'), 'utf8'));
    expect((await runHubfleet(['version'])).stdout).toBe(`hubfleet ${manifest.version}\n`);
    const json = JSON.parse((await runHubfleet(['version', '--output', 'json'])).stdout);
    expect(json).toEqual({ formatVersion: 1, version: manifest.version, node: process.versions.node });
  });
});
