import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHubfleet, STACK_TRACE } from './cli-harness.js';

describe("hubfleet kubeconfig and the user's own kubeconfig", () => {
  it.each([
    ['bad YAML', 'apiVersion: v1\nclusters: [\n', 'it is not valid YAML'],
    ['not a mapping', '- just\n- a list\n', 'it is a list, not a mapping'],
  ])(
    '%s: exit 2 naming the file, left as it was, before any cloud is contacted',
    async (_what, text, why) => {
      const home = mkdtempSync(join(tmpdir(), 'hubfleet-kubeconfig-home-'));
      const file = join(home, '.kube', 'config');
      mkdirSync(join(home, '.kube'));
      writeFileSync(file, text);
      const run = await runHubfleet(['kubeconfig', '-c', 'examples/quickstart.yaml'], {
        env: { HOME: home },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${file} is not a kubeconfig hubfleet can merge into: ${why}`);
      expect(run.stderr).not.toContain('internal error');
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(readFileSync(file, 'utf8')).toBe(text);
    },
  );
});
