import { describe, expect, it } from 'vitest';
import { registryCachePrefix, throughRegistryCache } from './registry-cache.js';
import { valueAt } from './testing/plan-queries.js';
import { configText, loadConfig } from './testing/stand-in-providers.js';
import { toolReleases } from './tool-releases.js';

describe('registry cache', () => {
  it('is a Docker Hub pull-through cache on a volume of tools.registryCache.size, on a node port', () => {
    const { config, provider } = loadConfig(
      configText({ tools: '  registryCache: { enabled: true, size: 500Gi }' }),
    );
    const plan = toolReleases(config, provider);
    expect(valueAt(plan, 'registry-cache', 'proxy')).toEqual({
      enabled: true,
      remoteurl: 'https://registry-1.docker.io',
    });
    expect(valueAt(plan, 'registry-cache', 'persistence')).toEqual({
      enabled: true,
      accessMode: 'ReadWriteOnce',
      size: '500Gi',
    });
    expect(valueAt(plan, 'registry-cache', 'service')).toEqual({
      type: 'NodePort',
      port: 5000,
      nodePort: 30050,
    });
  });

  it('defaults the size to 200Gi', () => {
    const { config, provider } = loadConfig(configText({ tools: '  registryCache: {}' }));
    expect(valueAt(toolReleases(config, provider), 'registry-cache', 'persistence.size')).toBe('200Gi');
  });

  it('gives the hub layer its image prefix, or none when off', () => {
    const on = loadConfig(configText());
    expect(registryCachePrefix(on.config, on.provider)).toBe('localhost:30050');
    expect(registryCachePrefix(on.config)).toBeUndefined();
    const off = loadConfig(configText({ tools: '  registryCache: { enabled: false }' }));
    expect(registryCachePrefix(off.config, off.provider)).toBeUndefined();
    const explicit = loadConfig(configText({ tools: '  registryCache: { enabled: true }' }));
    expect(registryCachePrefix(explicit.config)).toBe('localhost:30050');
  });

  it('rewrites Docker Hub images only', () => {
    const prefix = 'localhost:30050';
    expect(throughRegistryCache('python', prefix)).toBe('localhost:30050/library/python');
    expect(throughRegistryCache('oneilsh/jupyterlab-ubuntu-nvidia-scipy-rjulia', prefix)).toBe(
      'localhost:30050/oneilsh/jupyterlab-ubuntu-nvidia-scipy-rjulia',
    );
    expect(throughRegistryCache('docker.io/jupyter/scipy-notebook', prefix)).toBe(
      'localhost:30050/jupyter/scipy-notebook',
    );
    expect(throughRegistryCache('docker.io/ubuntu', prefix)).toBe('localhost:30050/library/ubuntu');
    expect(throughRegistryCache('quay.io/jupyter/scipy-notebook', prefix)).toBe(
      'quay.io/jupyter/scipy-notebook',
    );
    expect(throughRegistryCache('harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy', prefix)).toBe(
      'harbor.stfc.ac.uk/stfc-cloud/jupyterhub-vdi-proxy',
    );
    expect(throughRegistryCache('localhost:5000/x', prefix)).toBe('localhost:5000/x');
    expect(throughRegistryCache('python', undefined)).toBe('python');
  });
});
