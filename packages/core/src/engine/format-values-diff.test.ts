import { describe, expect, it } from 'vitest';
import { valuesChanges } from '../deployment/values-diff.js';
import { formatValuesDiff } from './format-values-diff.js';
import { redactChange } from './redact.js';

describe('formatValuesDiff', () => {
  it('prints the keys leading to each change once, then - old and + new, as YAML', () => {
    const from = {
      singleuser: { memory: { guarantee: 500000000, limit: 1000000000 }, cpu: { guarantee: 0.1 } },
      hub: { nodeSelector: { 'hubfleet.io/nodegroup': 'core' } },
    };
    const to = {
      singleuser: { memory: { guarantee: 750000000, limit: 2000000000 }, cpu: { guarantee: 0.1 } },
      hub: { nodeSelector: { 'hubfleet.io/nodegroup': 'core' }, extraEnv: { A: '1' } },
    };
    expect(formatValuesDiff(valuesChanges(from, to))).toEqual([
      '  values:',
      '    hub:',
      '+     extraEnv:',
      '+       A: "1"',
      '    singleuser:',
      '      memory:',
      '-       guarantee: 500000000',
      '+       guarantee: 750000000',
      '-       limit: 1000000000',
      '+       limit: 2000000000',
    ]);
  });

  it('shows a secret only as (secret), once redacted as a plan redacts it', () => {
    const changes = valuesChanges(
      { grafana: { adminPassword: 'hunter2' } },
      { grafana: { adminPassword: 'x' } },
    );
    const lines = formatValuesDiff(changes.map(redactChange));
    expect(lines).toEqual([
      '  values:',
      '    grafana:',
      '-     adminPassword: (secret)',
      '+     adminPassword: (secret)',
    ]);
    expect(lines.join('\n')).not.toContain('hunter2');
  });
});
