import { describe, expect, it } from 'vitest';
import { KUBERNETES_RELEASES, kubernetesComponentTag } from './component-images.js';

describe('kubernetesComponentTag', () => {
  it("pins a patch release of the cluster's own minor version", () => {
    expect(kubernetesComponentTag('1.34')).toBe('v1.34.3');
    expect(kubernetesComponentTag('1.31')).toMatch(/^v1\.31\.\d+$/);
  });

  it('falls back to the newest older pin, then the oldest', () => {
    expect(kubernetesComponentTag('1.36')).toBe(KUBERNETES_RELEASES['1.35']);
    expect(kubernetesComponentTag('1.25')).toBe(KUBERNETES_RELEASES['1.30']);
  });

  it('pins every entry to its own minor version', () => {
    for (const [minor, tag] of Object.entries(KUBERNETES_RELEASES))
      expect(tag.startsWith(`v${minor}.`)).toBe(true);
  });
});
