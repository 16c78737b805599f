import type { ProviderCapabilitiesV1 } from '@hubfleet/core';
import type { ConformanceProvider } from './conformance-options.js';

/** What the in-memory cloud can do: everything the suite checks. */
export const IN_MEMORY_CAPABILITIES: ProviderCapabilitiesV1 = {
  scaleToZero: true,
  nodeLabelsReachNodes: true,
  managedAutoscaler: false,
  gpuDriver: 'none',
  volumeSnapshots: true,
  loadBalancer: false,
};

/** The in-memory cloud as the suite sees a provider; override capabilities to rehearse skips. */
export function inMemoryProvider(capabilities: Partial<ProviderCapabilitiesV1> = {}): ConformanceProvider {
  return {
    id: 'memory',
    displayName: 'In-memory cloud',
    capabilities: { ...IN_MEMORY_CAPABILITIES, ...capabilities },
  };
}
