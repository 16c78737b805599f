import { readFileSync } from 'node:fs';
import { createProviderRegistry, validateConfigText } from '@hubfleet/core';
import { loadTimeImports, OFFLINE_PACKAGE } from '@hubfleet/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { nectarProvider } from './index.js';

const examples = new URL('../../../examples/', import.meta.url);
const sourceDirectory = new URL('./', import.meta.url);

describe('nectarProvider', () => {
  it('implements contract v1 as "nectar"', () => {
    expect(nectarProvider).toMatchObject({
      specificationVersion: 'v1',
      id: 'nectar',
      displayName: 'NeCTAR (kubeadm on VMs)',
    });
  });

  it('declares the capabilities of plain NeCTAR VMs', () => {
    expect(nectarProvider.capabilities).toEqual({
      scaleToZero: false,
      nodeLabelsReachNodes: false,
      managedAutoscaler: false,
      gpuDriver: 'operator',
      volumeSnapshots: false,
      loadBalancer: false,
    });
  });

  it('gives every tool default a reason that points at the NeCTAR guide', () => {
    for (const [tool, choice] of Object.entries(nectarProvider.toolDefaults)) {
      expect(choice.reason, tool).toContain('004');
    }
  });

  it('connects: VMs through the OpenStack client, kubeadm over SSH', () => {
    expect(nectarProvider.connect).toBeTypeOf('function');
  });

  it('loads only core, zod and Node built-ins when imported', () => {
    const { packages } = loadTimeImports(sourceDirectory);
    for (const name of packages) expect(name, `imported at load time: ${name}`).toMatch(OFFLINE_PACKAGE);
    expect(packages.has('@hubfleet/core')).toBe(true);
  });

  it('validates the University of Melbourne example with no errors', () => {
    const registry = createProviderRegistry([nectarProvider]);
    const text = readFileSync(new URL('nectar-unimelb.yaml', examples), 'utf8');
    const result = validateConfigText(text, { registry, file: 'nectar-unimelb.yaml', checkSecrets: false });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.config?.provider.kind).toBe('nectar');
  });

  it('refuses min: 0, through core and the capability', () => {
    const registry = createProviderRegistry([nectarProvider]);
    const text = readFileSync(new URL('nectar-unimelb.yaml', examples), 'utf8').replace('min: 4', 'min: 0');
    const { issues } = validateConfigText(text, {
      registry,
      file: 'nectar-unimelb.yaml',
      checkSecrets: false,
    });
    expect(issues.find((issue) => issue.pathText === 'cluster.nodeGroups[1].min')?.message).toBe(
      'NeCTAR (kubeadm on VMs) cannot scale a nodegroup from zero nodes',
    );
  });
});
