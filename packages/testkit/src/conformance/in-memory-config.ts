import { API_VERSION, type HubfleetConfig } from '@hubfleet/core';

/**
 * The smallest config the suite accepts, for the in-memory cloud: one core and one users nodegroup
 * and one shared-nfs hub, with every default written out as the schema would fill it in.
 */
export function inMemoryConformanceConfig(name = 'conformance'): HubfleetConfig {
  return {
    apiVersion: API_VERSION,
    name,
    provider: { kind: 'memory' },
    cluster: {
      kubernetesVersion: '1.34',
      nodeGroups: [
        { name: 'core', role: 'core', instanceType: 'memory.large', min: 1, max: 2 },
        {
          name: 'users',
          role: 'users',
          instanceType: 'memory.xlarge',
          min: 0,
          max: 4,
          labels: { course: 'ds100' },
        },
      ],
    },
    ingress: { host: 'hub.example.org', tls: { mode: 'none' } },
    tools: { placeholders: [], placeholderSchedule: [] },
    hubs: [
      {
        name: 'class',
        admins: [],
        auth: { type: 'dummy' },
        image: { name: 'quay.io/jupyter/scipy-notebook', tag: '2025-10-20' },
        defaultUrl: '/lab',
        profiles: [],
        storage: { home: 'shared-nfs', size: '10Gi', sharedDir: false, onDelete: 'retain' },
        culling: { idleTimeout: '1h' },
        sudo: false,
        extraValues: {},
      },
    ],
  };
}
