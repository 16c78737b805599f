import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * How heavy a test file is likely to be, from its name, for a run that has no recorded durations
 * (a fresh clone, CI): the end-to-end files that SIGKILL or fault a whole `up` again and again
 * (`*interrupted*`, `*faults*`) first, then the other simulated-cloud end-to-end files (`*-sim`),
 * then everything else. New tests of the same shape are scheduled early by their name alone.
 */
export function fileWeight(file: string): number {
  const name = file.split('/').at(-1) ?? file;
  if (/(interrupted|faults).*\.test\.ts$/.test(name)) return 2;
  if (/-sim\.test\.ts$/.test(name)) return 1;
  return 0;
}

/**
 * Longest first, so a project's slowest files do not start last and become the run's tail. With
 * durations from an earlier run (vitest's cache) vitest's own order already is longest first within
 * each project (its base order keeps a run's projects apart, in name order); without them vitest would
 * order by file size, which puts the short, process-heavy end-to-end files last. On a fresh clone the
 * weights below put every project's end-to-end files first, then the rest project by project.
 */
export class HeaviestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const { cache, config } = this.ctx;
    const known = sorted.every(
      (file) =>
        cache.getFileTestResults(`${file.project.name}:${relative(config.root, file.moduleId)}`) !==
        undefined,
    );
    if (known) return sorted;
    // Array.prototype.sort is stable: within a weight, vitest's order stays.
    return [...sorted].sort((a, b) => fileWeight(b.moduleId) - fileWeight(a.moduleId));
  }
}
