import type { ProviderResourceV1, ResourceContextV1 } from '@hubfleet/core';
import { kubernetesAccess } from '@hubfleet/core/deployment';
import { expect } from 'vitest';
import { clusterApi } from './check-node-labels.js';
import type { ConformanceContext } from './conformance-context.js';
import { waitFor } from './wait-for.js';

/** Names of the provider resources `resource` depends on (its `resource:<name>` anchors). */
function resourceDependencies(resource: ProviderResourceV1): string[] {
  return (resource.dependsOn ?? []).flatMap((anchor) =>
    anchor.startsWith('resource:') ? [anchor.slice('resource:'.length)] : [],
  );
}

/** The resources with every one after those it depends on; fails on an unknown name or a cycle. */
export function providerResourceOrder(resources: readonly ProviderResourceV1[]): ProviderResourceV1[] {
  const ordered: ProviderResourceV1[] = [];
  const visiting = new Set<string>();
  const visit = (resource: ProviderResourceV1) => {
    if (ordered.includes(resource)) return;
    expect(visiting.has(resource.name), `provider resource ${resource.name} depends on itself`).toBe(false);
    visiting.add(resource.name);
    for (const name of resourceDependencies(resource)) {
      const dependency = resources.find((candidate) => candidate.name === name);
      expect(dependency, `provider resource ${resource.name} depends on resource:${name}`).toBeDefined();
      if (dependency !== undefined) visit(dependency);
    }
    visiting.delete(resource.name);
    ordered.push(resource);
  };
  for (const resource of resources) visit(resource);
  return ordered;
}

function resourceContext(context: ConformanceContext, serviceCidr: string | undefined): ResourceContextV1 {
  return {
    signal: new AbortController().signal,
    kubernetes: async () => (context.kubernetes ? kubernetesAccess(await clusterApi(context)) : undefined),
    facts: async () => (serviceCidr === undefined ? {} : { serviceCidr }),
  };
}

/**
 * Stage: the session's own resources (`session.resources()`), on the cluster and nodegroups the
 * earlier stages made: each, after the ones it depends on are observed ready, is absent, created,
 * observed ready and then unchanged (`diff` says noop); one absent with nothing to make (`noop`: a
 * teardown-only step) is left as it is; then each, after the ones that depend on it are gone, is
 * deleted and observed gone.
 */
export async function checkProviderResources(context: ConformanceContext): Promise<void> {
  const resources = providerResourceOrder(context.session.resources?.() ?? []);
  const cluster = await context.session.cluster.observe();
  const step = resourceContext(context, cluster?.serviceCidr);
  const isReady = (resource: ProviderResourceV1, observed: unknown) =>
    observed !== undefined && (resource.ready?.(observed) ?? true);
  for (const resource of resources) {
    for (const name of resourceDependencies(resource)) {
      const dependency = resources.find((candidate) => candidate.name === name) as ProviderResourceV1;
      expect(
        isReady(dependency, await dependency.observe(step)),
        `${name} ready before ${resource.name}`,
      ).toBe(true);
    }
    const before = await resource.observe(step);
    const first = resource.diff(before).action;
    // A teardown-only step (OpenStack's Octavia clean-up) has nothing to make: absent and noop on a
    // new deployment; it is still deleted, and gone, below.
    if (first === 'noop' && before === undefined) continue;
    expect(first, `${resource.kind}/${resource.name} on a new deployment`).toBe('create');
    await resource.apply('create', step);
    await waitFor(
      context,
      `${resource.kind}/${resource.name} becomes ready`,
      () => resource.observe(step),
      (observed) => isReady(resource, observed),
    );
    expect(
      resource.diff(await resource.observe(step)).action,
      `${resource.kind}/${resource.name} once made`,
    ).toBe('noop');
  }
  for (const resource of [...resources].reverse()) {
    for (const dependent of resources.filter((other) =>
      resourceDependencies(other).includes(resource.name),
    )) {
      expect(
        await dependent.observe(step),
        `${dependent.name} gone before ${resource.name} is deleted`,
      ).toBeUndefined();
    }
    await resource.apply('delete', step);
    await waitFor(
      context,
      `${resource.kind}/${resource.name} is gone`,
      () => resource.observe(step),
      (observed) => observed === undefined,
    );
  }
}
