import { defineConfig } from 'vitest/config';
import { HeaviestFirstSequencer } from './vitest.sequencer.ts';

/**
 * Every project's tests in one vitest run (`npm test`): one pool of workers (`maxWorkers` in
 * `vitest.shared.ts`) takes files from all projects, longest first (`vitest.sequencer.ts`), so the
 * short unit files fill the gaps the end-to-end files leave, and no project waits for another to
 * finish. Each project keeps its own config (`npx vitest run` in its folder, or `npx nx test <name>`).
 * On this 2-core machine: 527 s (943 s of CPU) for all 1704 tests this way, where `nx run-many` two
 * projects at a time had taken about 570 s (about 1040 s of CPU) in the CI runs before it.
 */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'charts/vitest.config.ts'],
    // The run's order is the root's: longest first across all projects.
    sequence: { sequencer: HeaviestFirstSequencer },
  },
});
