import { readFileSync } from 'node:fs';
import { createProviderRegistry, validateConfigText } from '@hubfleet/core';
import { loadTimeImports, OFFLINE_PACKAGE } from '@hubfleet/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { openstackProvider } from './index.js';

const examples = new URL('../../../examples/', import.meta.url);
const sourceDirectory = new URL('./', import.meta.url);

describe('openstackProvider', () => {
  it('implements contract v1 as "openstack"', () => {
    expect(openstackProvider).toMatchObject({
      specificationVersion: 'v1',
      id: 'openstack',
      displayName: 'OpenStack Magnum',
    });
  });

  it('declares the capabilities of Magnum on the STFC Cloud', () => {
    expect(openstackProvider.capabilities).toEqual({
      scaleToZero: true,
      nodeLabelsReachNodes: false,
      managedAutoscaler: false,
      gpuDriver: 'operator',
      volumeSnapshots: true,
      loadBalancer: true,
    });
  });

  it('gives every tool default a reason that points at the STFC guide', () => {
    for (const [tool, choice] of Object.entries(openstackProvider.toolDefaults)) {
      expect(choice.reason, tool).toContain('002');
    }
  });

  it('deploys: connect opens a session, loading the OpenStack client only then', () => {
    expect(openstackProvider.connect).toBeTypeOf('function');
  });

  it('loads only core, zod and Node built-ins when imported', () => {
    const { packages } = loadTimeImports(sourceDirectory);
    for (const name of packages) expect(name, `imported at load time: ${name}`).toMatch(OFFLINE_PACKAGE);
    expect(packages.has('@hubfleet/core')).toBe(true);
  });

  it('validates the STFC example with no errors', () => {
    const registry = createProviderRegistry([openstackProvider]);
    const text = readFileSync(new URL('openstack-stfc.yaml', examples), 'utf8');
    const result = validateConfigText(text, { registry, file: 'openstack-stfc.yaml', checkSecrets: false });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.config?.provider.kind).toBe('openstack');
  });
});
