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
    // The summary counts what was printed, each once (the example's Kubernetes version may also warn,
    // depending on the day, against EKS's calendar).
    const printed = run.stderr.match(/^\S+aws-dsosu\.yaml:\d+:\d+: warning: /gm) ?? [];
    const summary = run.stderr.match(/error: .*aws-dsosu\.yaml is invalid \(\d+ errors, (\d+) warnings?\)/);
    expect(summary?.[1]).toBe(String(printed.length));
  });
});
