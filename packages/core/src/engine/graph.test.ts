import { describe, expect, it } from 'vitest';
import { dependentsOf, remainingChainWeights, topologicalOrder } from './graph.js';

const graph = [
  { id: 'cluster', dependsOn: [] },
  { id: 'nodegroup', dependsOn: ['cluster'] },
  { id: 'volume', dependsOn: [] },
  { id: 'hub', dependsOn: ['nodegroup', 'volume'] },
];

describe('graph helpers', () => {
  it('orders dependencies first, the same way every time', () => {
    expect(topologicalOrder(graph)).toEqual(['cluster', 'nodegroup', 'volume', 'hub']);
    expect(topologicalOrder([...graph].reverse())).toEqual(['cluster', 'nodegroup', 'volume', 'hub']);
    expect(topologicalOrder([graph[2], graph[0], graph[1], graph[3]].flatMap((node) => node ?? []))).toEqual([
      'volume',
      'cluster',
      'nodegroup',
      'hub',
    ]);
  });

  it('lists direct dependents', () => {
    expect(dependentsOf(graph).get('cluster')).toEqual(['nodegroup']);
    expect(dependentsOf(graph).get('hub')).toEqual([]);
  });

  it('weighs each node by the heaviest chain from it to the end', () => {
    const weight: Record<string, number> = { cluster: 12, nodegroup: 4, volume: 1, hub: 1 };
    const weights = remainingChainWeights(graph, (id) => weight[id] ?? 0);
    expect(Object.fromEntries(weights)).toEqual({ hub: 1, volume: 2, nodegroup: 5, cluster: 17 });
  });
});
