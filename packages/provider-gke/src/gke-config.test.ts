import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { gkeProviderSettingsSchema } from './gke-config.js';

/** The `provider:` section of config-reference.md, as written there. */
const referenceSection = {
  kind: 'gke',
  project: 'rhodes-cs',
  location: 'us-central1-a',
  staticIp: { name: 'jupyter-ip' },
};

function issuesOf(value: unknown) {
  const result = gkeProviderSettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ code: issue.code, path: issue.path }));
}

describe('gkeProviderSettingsSchema', () => {
  it('accepts the reference section', () => {
    expect(gkeProviderSettingsSchema.parse(referenceSection)).toEqual(referenceSection);
  });

  it('accepts a section without a static IP', () => {
    const { staticIp: _, ...section } = referenceSection;
    expect(gkeProviderSettingsSchema.parse(section)).toEqual(section);
  });

  it('refuses unknown keys', () => {
    expect(issuesOf({ ...referenceSection, zone: 'us-central1-a' })).toEqual([
      { code: 'unrecognized_keys', path: [] },
    ]);
    expect(
      issuesOf({ ...referenceSection, staticIp: { name: 'jupyter-ip', address: '35.225.189.212' } }),
    ).toEqual([{ code: 'unrecognized_keys', path: ['staticIp'] }]);
  });

  it('refuses wrong types and missing fields', () => {
    expect(issuesOf({ ...referenceSection, staticIp: 'jupyter-ip' })).toEqual([
      { code: 'invalid_type', path: ['staticIp'] },
    ]);
    expect(issuesOf({ kind: 'gke', location: 'us-central1-a' })).toEqual([
      { code: 'invalid_type', path: ['project'] },
    ]);
    expect(issuesOf({ ...referenceSection, kind: 'aws' })).toEqual([
      { code: 'invalid_value', path: ['kind'] },
    ]);
  });

  it('describes every field', () => {
    const schema = z.toJSONSchema(gkeProviderSettingsSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) {
      expect(field.description, name).toBeTruthy();
    }
  });
});
