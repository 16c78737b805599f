import { describe, expect, it } from 'vitest';
import { createProviderRegistry, type ProviderV1, validateConfigText } from '../src/index.js';
import { fixtureProvider, VALID } from './fixture-provider.js';

/** The fixture cloud, with names shaped `<family>.<size>` and sizes from its own list. */
const shaped = {
  ...fixtureProvider,
  catalog: {
    ...fixtureProvider.catalog,
    namePattern: '^[a-z0-9]+\\.(small|large|xlarge)$',
    machines: [
      { name: 'm1.small', cpu: 2, memoryGiB: 4 },
      { name: 'm1.large', cpu: 8, memoryGiB: 32 },
    ],
  },
} as unknown as ProviderV1;
const registry = createProviderRegistry([shaped]);

const issuesWith = (core: string, users: string) =>
  validateConfigText(
    VALID.replace('instanceType: small', `instanceType: ${core}`).replace(
      'instanceType: large',
      `instanceType: ${users}`,
    ),
    { registry, file: 'f.yaml', checkSecrets: false },
  ).issues.map((issue) => ({
    path: issue.pathText,
    severity: issue.severity,
    message: issue.message,
    hint: issue.hint,
  }));

describe('instance types the offline catalog does not know', () => {
  it('accepts a well-formed unknown name with a warning that plan checks it against the cloud', () => {
    const issues = issuesWith('m1.small', 'z9.xlarge');
    expect(issues).toEqual([
      {
        path: 'cluster.nodeGroups[1].instanceType',
        severity: 'warning',
        message: expect.stringContaining(`"z9.xlarge" is not in hubfleet's offline catalog`),
        hint: expect.stringContaining('hubfleet catalog fixture'),
      },
    ]);
    expect(issues[0]?.message).toContain('`plan` checks it against what the account offers');
  });

  it('does not take a well-formed name for a misspelt one: no "did you mean"', () => {
    for (const name of ['m1.xlarge', 'm2.large']) {
      expect(issuesWith('m1.small', name)[0]).toMatchObject({
        severity: 'warning',
        hint: expect.not.stringContaining('did you mean'),
      });
    }
  });

  it('still refuses a malformed name, with a suggestion when one is close', () => {
    expect(issuesWith('m1.small', 'm1.lrage')[0]).toMatchObject({
      severity: 'error',
      message: '"m1.lrage" is not a Fixture Cloud instance type',
      hint: 'did you mean "m1.large"?',
    });
  });
});
