import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsProviderSettingsSchema } from './aws-config.js';

/** The `provider:` section of config-reference.md, as written there. */
const referenceSection = {
  kind: 'aws',
  region: 'us-west-2',
  profile: 'dsosu-admin',
  network: { subnetIds: ['subnet-0a1', 'subnet-0b2'] },
  roles: {
    clusterRoleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
    nodeRoleArn: 'arn:aws:iam::123456789012:role/eks-node',
  },
};

function issuesOf(value: unknown) {
  const result = awsProviderSettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

describe('awsProviderSettingsSchema', () => {
  it('accepts the reference section with existing subnets', () => {
    expect(awsProviderSettingsSchema.parse(referenceSection)).toEqual(referenceSection);
  });

  it('accepts the reference alternative that creates a VPC, with profile and roles left out', () => {
    const section = {
      kind: 'aws',
      region: 'us-west-2',
      network: { create: { cidr: '10.40.0.0/16', zones: 2 } },
    };
    expect(awsProviderSettingsSchema.parse(section)).toEqual(section);
  });

  it('refuses unknown keys at every level', () => {
    expect(issuesOf({ ...referenceSection, zone: 'us-west-2a' })).toEqual([
      { code: 'unrecognized_keys', path: [] },
    ]);
    expect(issuesOf({ ...referenceSection, network: { subnetId: ['subnet-0a1'] } })).toEqual([
      { code: 'unrecognized_keys', path: ['network'] },
    ]);
    expect(
      issuesOf({ ...referenceSection, network: { create: { cidr: '10.0.0.0/16', zones: 2, az: 'a' } } }),
    ).toEqual([{ code: 'unrecognized_keys', path: ['network', 'create'] }]);
    expect(issuesOf({ ...referenceSection, roles: { roleArn: 'x' } })).toEqual([
      { code: 'unrecognized_keys', path: ['roles'] },
    ]);
  });

  it('refuses wrong types and a missing region or network', () => {
    expect(issuesOf({ ...referenceSection, region: 2 })).toEqual([
      { code: 'invalid_type', path: ['region'] },
    ]);
    expect(issuesOf({ ...referenceSection, network: { subnetIds: 'subnet-0a1' } })).toEqual([
      { code: 'invalid_type', path: ['network', 'subnetIds'] },
    ]);
    expect(
      issuesOf({ ...referenceSection, network: { create: { cidr: '10.0.0.0/16', zones: '2' } } }),
    ).toEqual([{ code: 'invalid_type', path: ['network', 'create', 'zones'] }]);
    expect(issuesOf({ kind: 'aws' })).toEqual([
      { code: 'invalid_type', path: ['region'] },
      { code: 'invalid_type', path: ['network'] },
    ]);
  });

  it('answers only to kind: aws', () => {
    expect(issuesOf({ ...referenceSection, kind: 'gke' })).toEqual([
      { code: 'invalid_value', path: ['kind'] },
    ]);
  });

  it('describes every field and tells editors that network is one of two shapes', () => {
    const schema = z.toJSONSchema(awsProviderSettingsSchema, { io: 'input' }) as {
      properties: Record<
        string,
        { description?: string; oneOf?: unknown; properties?: Record<string, unknown> }
      >;
    };
    for (const [name, field] of Object.entries(schema.properties)) {
      expect(field.description, name).toBeTruthy();
    }
    expect(schema.properties.network?.oneOf).toEqual([{ required: ['subnetIds'] }, { required: ['create'] }]);
    for (const [name, field] of Object.entries(schema.properties.network?.properties ?? {})) {
      expect((field as { description?: string }).description, name).toBeTruthy();
    }
  });
});
