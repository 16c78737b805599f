import { describe, expect, it } from 'vitest';
import { runHubfleet, STACK_TRACE } from './cli-harness.js';
import { simWorkspace } from './sim-harness.js';

describe('cloud commands load the config once', () => {
  it('a real plan prints each warning once, then the secrets it cannot resolve (exit 2, nothing contacted)', async () => {
    const workspace = simWorkspace('aws-dsosu.yaml', (text) =>
      text.replace('    defaultUrl: /lab\n', '    defaultUrl: /lab\n    sudo: true\n'),
    );
    const run = await runHubfleet(['plan', '-c', workspace.config]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr.match(/warning: hubs\[0\]\.sudo: users get root/g)).toHaveLength(1);
    expect(run.stderr).toContain('environment variable EXAMPLE_SIMPLE_LTI_KEY is not set');
    expect(run.stderr).toMatch(/error: .*aws-dsosu\.yaml is invalid \(\d+ errors, 1 warning\)/);
  });
});
