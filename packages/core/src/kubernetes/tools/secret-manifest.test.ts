import { describe, expect, it } from 'vitest';
import {
  isReferencePlaceholder,
  referencePlaceholder,
  resolveSecretManifest,
  secretManifest,
} from './secret-manifest.js';

describe('Secrets from references', () => {
  it('holds placeholders and the references, never values', () => {
    const secret = secretManifest({
      name: 'oauth',
      namespace: 'course',
      plain: { 'client-id': 'abc' },
      referenced: { 'client-secret': { fromEnv: 'IRIS_CLIENT_SECRET' } },
    });
    expect(secret).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'oauth',
        namespace: 'course',
        labels: { 'app.kubernetes.io/managed-by': 'hubfleet' },
        annotations: { 'hubfleet.io/secret-sources': '{"client-secret":{"fromEnv":"IRIS_CLIENT_SECRET"}}' },
      },
      type: 'Opaque',
      stringData: { 'client-id': 'abc', 'client-secret': '<from $IRIS_CLIENT_SECRET>' },
    });
    expect(isReferencePlaceholder(referencePlaceholder({ fromFile: './k' }))).toBe(true);
    expect(isReferencePlaceholder('abc')).toBe(false);
  });

  it('resolves each referenced key through the given function, leaving plain keys', () => {
    const secret = secretManifest({
      name: 's',
      namespace: 'n',
      plain: { user: 'admin' },
      referenced: { password: { fromEnv: 'P' } },
    });
    const seen: unknown[] = [];
    const resolved = resolveSecretManifest(secret, (ref) => {
      seen.push(ref);
      return 'value';
    });
    expect(seen).toEqual([{ fromEnv: 'P' }]);
    expect(resolved.stringData).toEqual({ user: 'admin', password: 'value' });
  });
});
