import type { Manifest, ReleaseSpec } from '../../release.js';
import type { ToolReleasePlan } from '../tool-releases.js';

/** The release of `tool`, or a failure naming the releases there are. */
export function releaseOf(plan: ToolReleasePlan, tool: string): ReleaseSpec {
  const release = plan.releases.find((candidate) => candidate.release === tool);
  if (release === undefined) {
    throw new Error(
      `no release ${tool}; there are ${plan.releases.map((entry) => entry.release).join(', ')}`,
    );
  }
  return release;
}

/** A value deep in a release's values, by dotted path (`controller.nodeSelector`). */
export function valueAt(plan: ToolReleasePlan, tool: string, path: string): unknown {
  let current: unknown = releaseOf(plan, tool).values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function manifestOf(plan: ToolReleasePlan, kind: string, name: string): Manifest | undefined {
  return plan.manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
}
