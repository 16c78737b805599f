import { readFileSync } from 'node:fs';
import { createProviderRegistry, resolveToolChoices, validateConfigText } from '@hubfleet/core';
import { loadTimeImports, OFFLINE_PACKAGE } from '@hubfleet/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { gkeProvider } from './index.js';

const examples = new URL('../../../examples/', import.meta.url);
const sourceDirectory = new URL('./', import.meta.url);

describe('gkeProvider', () => {
  it('implements contract v1 as "gke"', () => {
    expect(gkeProvider).toMatchObject({ specificationVersion: 'v1', id: 'gke', displayName: 'Google GKE' });
  });

  it('declares the capabilities of GKE', () => {
    expect(gkeProvider.capabilities).toEqual({
      scaleToZero: true,
      nodeLabelsReachNodes: true,
      managedAutoscaler: true,
      gpuDriver: 'managed',
      volumeSnapshots: true,
      loadBalancer: true,
    });
  });

  it('gives every tool default a reason', () => {
    for (const [tool, choice] of Object.entries(gkeProvider.toolDefaults)) {
      expect(choice.reason.length, tool).toBeGreaterThan(20);
    }
    expect(gkeProvider.toolDefaults.monitoring.reason).toContain('(003)');
  });

  it('deploys: connect opens a session, loading the Google SDKs only then', () => {
    expect(gkeProvider.connect).toBeTypeOf('function');
  });

  it('loads only core, zod and Node built-ins when imported', () => {
    const { packages } = loadTimeImports(sourceDirectory);
    for (const name of packages) expect(name, `imported at load time: ${name}`).toMatch(OFFLINE_PACKAGE);
    expect(packages.has('@hubfleet/core')).toBe(true);
  });

  it('validates the Rhodes example with no errors', () => {
    const registry = createProviderRegistry([gkeProvider]);
    const text = readFileSync(new URL('gke-rhodes.yaml', examples), 'utf8');
    const result = validateConfigText(text, { registry, file: 'gke-rhodes.yaml', checkSecrets: false });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    if (!result.config) throw new Error('gke-rhodes.yaml should validate');
    expect(result.config.provider).toEqual({
      kind: 'gke',
      project: 'rhodes-cs',
      location: 'us-central1-a',
      staticIp: { name: 'jupyter-ip' },
    });
    const autoscaler = resolveToolChoices(result.config, gkeProvider).find(
      (choice) => choice.tool === 'autoscaler',
    );
    expect(autoscaler?.enabled).toBe(false);
  });
});
