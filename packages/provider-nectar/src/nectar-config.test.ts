import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nectarProviderSettingsSchema } from './nectar-config.js';

/** The `provider:` section of config-reference.md, as written there. */
const referenceSection = {
  kind: 'nectar',
  cloud: 'nectar',
  availabilityZone: 'melbourne-qh2',
  image: 'NeCTAR Ubuntu 24.04 LTS (Noble) amd64',
  keypair: { name: 'comp20003', privateKeyFile: '~/.ssh/comp20003.pem' },
  network: { kind: 'classic' },
  controlPlane: { flavor: 'm3.medium' },
  storageNode: { flavor: 'm3.small' },
};

function issuesOf(value: unknown) {
  const result = nectarProviderSettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

describe('nectarProviderSettingsSchema', () => {
  it('accepts the reference section', () => {
    expect(nectarProviderSettingsSchema.parse(referenceSection)).toEqual(referenceSection);
  });

  it("accepts the reference's private network", () => {
    const network = { kind: 'private', name: 'jh-net', floatingIpPool: 'melbourne' };
    expect(nectarProviderSettingsSchema.parse({ ...referenceSection, network }).network).toEqual(network);
  });

  it('defaults the network to classic and leaves cloud optional', () => {
    const { network: _, cloud: __, ...section } = referenceSection;
    expect(nectarProviderSettingsSchema.parse(section)).toEqual({ ...section, network: { kind: 'classic' } });
  });

  it('refuses unknown keys, also inside each network kind', () => {
    expect(issuesOf({ ...referenceSection, flavor: 'm3.large' })).toEqual([
      { code: 'unrecognized_keys', path: [] },
    ]);
    expect(issuesOf({ ...referenceSection, network: { kind: 'classic', name: 'jh-net' } })).toEqual([
      { code: 'unrecognized_keys', path: ['network'] },
    ]);
    expect(
      issuesOf({ ...referenceSection, keypair: { name: 'x', privateKeyFile: 'y', publicKey: 'z' } }),
    ).toEqual([{ code: 'unrecognized_keys', path: ['keypair'] }]);
  });

  it('refuses wrong types, an unknown network kind and a keypair given as a name only', () => {
    expect(issuesOf({ ...referenceSection, keypair: 'comp20003' })).toEqual([
      { code: 'invalid_type', path: ['keypair'] },
    ]);
    expect(issuesOf({ ...referenceSection, network: { kind: 'public' } })).toEqual([
      { code: 'invalid_union', path: ['network', 'kind'] },
    ]);
    expect(issuesOf({ ...referenceSection, controlPlane: 'm3.medium' })).toEqual([
      { code: 'invalid_type', path: ['controlPlane'] },
    ]);
  });

  it('describes every field', () => {
    const schema = z.toJSONSchema(nectarProviderSettingsSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
