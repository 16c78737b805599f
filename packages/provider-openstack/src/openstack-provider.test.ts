import { readdirSync, readFileSync } from 'node:fs';
import { createProviderRegistry, validateConfigText } from '@hubfleet/core';
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

  it('makes no cloud calls yet: there is no connect', () => {
    expect(openstackProvider.connect).toBeUndefined();
  });

  it('imports no cloud SDK or OpenStack client', () => {
    const sources = readdirSync(sourceDirectory).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    );
    for (const file of sources) {
      const text = readFileSync(new URL(file, sourceDirectory), 'utf8');
      expect(text, file).not.toMatch(/\bimport\(/);
      for (const [, source] of text.matchAll(/^(?:import|export)\b[^;]*? from '([^']+)';$/gms)) {
        expect(source, `${file} imports ${source}`).toMatch(/^(\.\/|node:|zod$|@hubfleet\/core$)/);
      }
    }
  });

  it('validates the STFC example with no errors', () => {
    const registry = createProviderRegistry([openstackProvider]);
    const text = readFileSync(new URL('openstack-stfc.yaml', examples), 'utf8');
    const result = validateConfigText(text, { registry, file: 'openstack-stfc.yaml', checkSecrets: false });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.config?.provider.kind).toBe('openstack');
  });
});
