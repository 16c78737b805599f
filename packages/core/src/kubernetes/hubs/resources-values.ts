import type { HubConfig } from '../../config/hub.js';
import { cpuToCores, quantityToBytes } from '../../config/primitives.js';
import type { Values } from './deep-merge.js';
import { pulledImage } from './image.js';

type Resources = NonNullable<HubConfig['resources']>;
type Quantity = string | number;
type Range = { guarantee?: Quantity | undefined; limit?: Quantity | undefined } | undefined;

/**
 * Memory in bytes. The config's sizes are Kubernetes quantities (`1G` = 10^9 bytes) while KubeSpawner
 * reads `1G` as 2^30 and rejects `Gi`, so hubfleet hands it plain bytes: exact, and equal to the
 * placeholders' requests of the same size.
 */
export function memoryBytes(quantity: Quantity): number {
  return Math.round(quantityToBytes(quantity));
}

function defined<Value>(entries: Record<string, Value | undefined>): Record<string, Value> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as Record<
    string,
    Value
  >;
}

function cores(range: Range): { guarantee?: number; limit?: number } {
  return defined({
    guarantee: range?.guarantee === undefined ? undefined : cpuToCores(range.guarantee),
    limit: range?.limit === undefined ? undefined : cpuToCores(range.limit),
  });
}

function bytes(range: Range): { guarantee?: number; limit?: number } {
  return defined({
    guarantee: range?.guarantee === undefined ? undefined : memoryBytes(range.guarantee),
    limit: range?.limit === undefined ? undefined : memoryBytes(range.limit),
  });
}

/** KubeSpawner trait names for a profile's `kubespawner_override`; only what the range sets. */
export function kubespawnerResources(cpu: Range, memory: Range): Values {
  const cpuCores = cores(cpu);
  const memorySizes = bytes(memory);
  return defined({
    cpu_guarantee: cpuCores.guarantee,
    cpu_limit: cpuCores.limit,
    mem_guarantee: memorySizes.guarantee,
    mem_limit: memorySizes.limit,
  });
}

function sizeText(range: Range, unit: string): string | undefined {
  if (range?.guarantee === undefined && range?.limit === undefined) return undefined;
  if (range.guarantee === undefined) return `up to ${range.limit}${unit}`;
  if (range.limit === undefined || range.limit === range.guarantee) return `${range.guarantee}${unit}`;
  return `${range.guarantee}–${range.limit}${unit}`;
}

/** "0.1–1 CPU, 0.5G–1G memory": what a profile offers, for the spawn page. */
export function resourcesText(cpu: Range, memory: Range, gpu?: number): string {
  const parts = [sizeText(cpu, ' CPU'), sizeText(memory, ' memory'), gpu ? `${gpu} GPU` : undefined];
  return parts.filter((part) => part !== undefined).join(', ');
}

function resourceValues(resources: Resources | undefined): Values {
  const cpu = cores(resources?.cpu);
  const memory = bytes(resources?.memory);
  return defined({
    cpu: Object.keys(cpu).length > 0 ? cpu : undefined,
    memory: Object.keys(memory).length > 0 ? memory : undefined,
  });
}

/** The default user server: image (through the registry cache when given), start page and sizes. */
export function singleUserValues(hub: HubConfig, registryPrefix?: string): Values {
  return {
    singleuser: {
      image: pulledImage(hub.image, registryPrefix),
      defaultUrl: hub.defaultUrl,
      ...resourceValues(hub.resources),
    },
  };
}
