import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openstackProviderSettingsSchema } from './openstack-config.js';

/** The `provider:` section of config-reference.md, as written there. */
const referenceSection = {
  kind: 'openstack',
  cloud: 'jupyter-prod',
  clusterTemplate: 'kubernetes-1.31-ha',
  keypair: 'stfc-admin',
  masterFlavor: 'l3.nano',
  masterCount: 1,
  floatingIp: '130.246.x.y',
  labels: { auto_scaling_enabled: 'true' },
};

function issuesOf(value: unknown) {
  const result = openstackProviderSettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

describe('openstackProviderSettingsSchema', () => {
  it('accepts the reference section (the floating IP placeholder is left to the rules)', () => {
    expect(openstackProviderSettingsSchema.parse(referenceSection)).toEqual(referenceSection);
  });

  it('defaults masterCount to 1 and leaves cloud, floatingIp and labels optional', () => {
    const section = {
      kind: 'openstack',
      clusterTemplate: 'k8s-1.31',
      keypair: 'admin',
      masterFlavor: 'l3.nano',
    };
    expect(openstackProviderSettingsSchema.parse(section)).toEqual({ ...section, masterCount: 1 });
  });

  it('refuses unknown keys', () => {
    expect(issuesOf({ ...referenceSection, flavor: 'l3.micro' })).toEqual([
      { code: 'unrecognized_keys', path: [] },
    ]);
  });

  it('refuses wrong types, label values that are not strings, and a missing template', () => {
    expect(issuesOf({ ...referenceSection, masterCount: '3' })).toEqual([
      { code: 'invalid_type', path: ['masterCount'] },
    ]);
    expect(issuesOf({ ...referenceSection, masterCount: 0 })).toEqual([
      { code: 'too_small', path: ['masterCount'] },
    ]);
    expect(issuesOf({ ...referenceSection, labels: { auto_scaling_enabled: true } })).toEqual([
      { code: 'invalid_type', path: ['labels', 'auto_scaling_enabled'] },
    ]);
    const { clusterTemplate: _, ...withoutTemplate } = referenceSection;
    expect(issuesOf(withoutTemplate)).toEqual([{ code: 'invalid_type', path: ['clusterTemplate'] }]);
  });

  it('describes every field', () => {
    const schema = z.toJSONSchema(openstackProviderSettingsSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
