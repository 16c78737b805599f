import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHubfleet, STACK_TRACE } from './cli-harness.js';

describe('missing cloud credentials', { timeout: 120_000 }, () => {
  it('AWS: plan with no credentials anywhere exits 2 and names the ways to provide them', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hubfleet-no-aws-'));
    const run = await runHubfleet(['plan', '-c', 'examples/quickstart.yaml'], {
      // No keys, no ~/.aws, and no instance metadata service to ask (there is none here).
      env: { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).toContain('error: AWS credentials: no AWS credentials found');
    for (const way of [
      'AWS_ACCESS_KEY_ID',
      'AWS_PROFILE',
      'provider.profile',
      'aws sso login',
      'instance profile',
      '--sim',
    ]) {
      expect(run.stderr).toContain(way);
    }
    expect(run.stderr).not.toContain('does not recognise');
  });
});
