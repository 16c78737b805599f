import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '@hubfleet/core';
import { describe, expect, it } from 'vitest';
import { checkKubeconfigOut, kubeconfigMarker, writeKubeconfigOut } from './kubeconfig-out.js';

const ours = (deployment: string) =>
  `${kubeconfigMarker(deployment)}\ncurrent-context: hubfleet-${deployment}\ncontexts: [{name: hubfleet-${deployment}}]\n`;

const check = (path: string, force = false) =>
  checkKubeconfigOut({ path, deployment: 'prod-green', simulated: false, force, env: {} });

describe('kubeconfig --out', () => {
  it('replaces its own file for this deployment; another deployment’s is foreign; --force replaces a foreign file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'hubfleet-kubeconfig-out-'));
    const path = join(directory, 'kubeconfig');
    expect(() => check(path)).not.toThrow();
    writeKubeconfigOut(path, ours('prod-green'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => check(path)).not.toThrow();
    writeFileSync(path, ours('prod-blue'));
    const refusal = (() => {
      try {
        check(path);
      } catch (error) {
        return error;
      }
    })();
    expect(exitCodeFor(refusal)).toBe(3);
    expect(() => check(path, true)).not.toThrow();
    writeKubeconfigOut(path, ours('prod-green'));
    expect(readFileSync(path, 'utf8')).toBe(ours('prod-green'));
  });
});
