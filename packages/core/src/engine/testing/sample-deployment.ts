import type { ResourceNode } from '../resource.js';
import type { InMemoryObserved, InMemoryResourceOptions, InMemoryWorld } from './in-memory-provider.js';

/** Per-resource tweaks for `sampleDeployment`, by id. */
export type SampleOverrides = Readonly<Record<string, Partial<InMemoryResourceOptions>>>;

/**
 * A small but complete deployment, shaped like a real one: network → cluster → nodegroups → tools,
 * and one hub with its volume and storage server. Durations are a few milliseconds.
 */
export function sampleDeploymentOptions(overrides: SampleOverrides = {}): InMemoryResourceOptions[] {
  const base: InMemoryResourceOptions[] = [
    { id: 'network/main', spec: { cidr: '10.0.0.0/16' }, durationMs: 1 },
    {
      id: 'cluster/main',
      dependsOn: ['network/main'],
      spec: { version: '1.31' },
      replaceOn: ['region'],
      safety: { cluster: true },
      durationMs: 4,
    },
    {
      id: 'nodegroup/core',
      dependsOn: ['cluster/main'],
      spec: { instanceType: 't3.large', max: 3 },
      replaceOn: ['instanceType'],
      durationMs: 2,
    },
    {
      id: 'nodegroup/users',
      dependsOn: ['cluster/main'],
      spec: { instanceType: 't3.xlarge', max: 10 },
      replaceOn: ['instanceType'],
      durationMs: 2,
    },
    {
      id: 'tool/ingress-nginx',
      layer: 'tools',
      dependsOn: ['nodegroup/core'],
      spec: { chartVersion: '4.11.3' },
      durationMs: 1,
    },
    {
      id: 'tool/cert-manager',
      layer: 'tools',
      dependsOn: ['nodegroup/core'],
      spec: { chartVersion: '1.16.1' },
      durationMs: 1,
    },
    {
      id: 'volume/course-a',
      layer: 'hubs',
      dependsOn: ['network/main'],
      spec: { sizeGiB: 100 },
      replaceOn: ['sizeGiB'],
      safety: { dataVolume: { hub: 'course-a', onDelete: 'retain' } },
      durationMs: 1,
    },
    {
      id: 'storage-server/course-a',
      layer: 'hubs',
      dependsOn: ['volume/course-a', 'nodegroup/core'],
      spec: { chartVersion: '0.3.0' },
      durationMs: 1,
    },
    {
      id: 'hub/course-a',
      layer: 'hubs',
      dependsOn: ['storage-server/course-a', 'tool/ingress-nginx', 'tool/cert-manager', 'nodegroup/users'],
      spec: { image: 'jupyter/scipy-notebook:2024.1', clientSecret: 'hash:1' },
      secretFields: ['clientSecret'],
      durationMs: 1,
    },
  ];
  return base.map((options) => ({ ...options, ...(overrides[options.id] ?? {}) }));
}

/** The sample deployment's resources in `world`. */
export function sampleDeployment(
  world: InMemoryWorld,
  overrides: SampleOverrides = {},
): ResourceNode<InMemoryObserved>[] {
  return sampleDeploymentOptions(overrides).map((options) => world.resource(options));
}
