import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim, simWorkspace } from './sim-harness.js';

/** Every file under `directory`, as text. */
function allText(directory: string): string {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('--sim and real secrets', () => {
  it('uses stand-ins even when every secret resolves: no real value reaches .hubfleet/sim or the output', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml');
    const env = {
      GRAFANA_ADMIN_PASSWORD: 'REAL-grafana-password-a81c',
      EXAMPLE_SIMPLE_LTI_KEY: 'REAL-lti-consumer-key-2b7e',
      EXAMPLE_SIMPLE_LTI_SECRET: 'REAL-lti-shared-secret-93df',
    };
    mkdirSync(join(workspace.directory, 'tls'));
    writeFileSync(join(workspace.directory, 'tls', 'wildcard.crt'), 'REAL-certificate-chain-5e02\n');
    writeFileSync(join(workspace.directory, 'tls', 'wildcard.key'), 'REAL-tls-private-key-c4f6\n');
    const real = [...Object.values(env), 'REAL-certificate-chain-5e02', 'REAL-tls-private-key-c4f6'];

    const up = await sim(workspace, 'up', ['--yes'], env);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).not.toContain('do not resolve here');
    const status = await sim(workspace, 'status', ['--output', 'json'], env);
    expect(status.code).toBe(0);

    const state = allText(workspace.stateDirectory);
    const printed = up.stdout + up.stderr + status.stdout + status.stderr;
    for (const value of real) {
      const encoded = Buffer.from(value).toString('base64');
      expect(state, value).not.toContain(value);
      expect(state, `${value} (base64)`).not.toContain(encoded);
      expect(printed).not.toContain(value);
    }
    expect(state).toContain('hubfleet-sim-stand-in-for-EXAMPLE_SIMPLE_LTI_SECRET');
  });
});
