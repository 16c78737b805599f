import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { HeaviestFirstSequencer } from './vitest.sequencer.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Workspace packages (and their subpath entries) resolve to their TypeScript sources in tests, so no build is needed to test a package. */
export default defineConfig({
  resolve: {
    alias: [
      // A package's subpath entry (`@hubfleet/core/engine`, `@hubfleet/testkit/conformance`) is its
      // `src/<entry>/index.ts`, as its `exports` map it to `dist/<entry>/index.js`. Sources for the
      // root and the subpaths alike: one copy of each module, so `instanceof HubfleetError` holds
      // whichever entry threw it.
      { find: /^@hubfleet\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
      { find: /^@hubfleet\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous on purpose: up to 8 sessions share 2 cores, and a test or hook that is merely slow
    // (RSA keys, helm, a simulated cloud starting, CLI processes) must not fail for it. Tests wait on
    // conditions, never on wall time; these only end a test that hangs.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    // Five files at once, in every project: `npm test` runs all projects in one vitest (the root
    // `vitest.config.ts`), whose projects must share one worker count. The end-to-end files wait on
    // the `hubfleet` processes they start, real sshd VMs and simulated operations more than they
    // compute, so more files than cores overlap those waits (a CI run with the CLI's files three at
    // a time kept 1.1 of 2 cores busy). Tests wait on conditions, never on wall time: more files at
    // once only make each one slower.
    maxWorkers: 5,
    // One module graph per worker, not one per file: a file no longer re-imports vitest, the
    // workspace sources and their dependencies. Measured on core's 79 files: 66 s of CPU isolated,
    // 17 s not (same 457 tests passing). Tests must not lean on module state another file left.
    isolate: false,
    sequence: { sequencer: HeaviestFirstSequencer },
  },
});
