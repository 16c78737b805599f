import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Workspace packages resolve to their TypeScript sources in tests, so no build is needed to test a package. */
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@hubfleet\/testkit\/conformance$/,
        replacement: `${root}packages/testkit/src/conformance/index.ts`,
      },
      { find: /^@hubfleet\/([a-z-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous on purpose: up to 8 sessions share 2 cores, and a test or hook that is merely slow
    // (RSA keys, helm, a simulated cloud starting, CLI processes) must not fail for it. Tests wait on
    // conditions, never on wall time; these only end a test that hangs.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    pool: 'forks',
  },
});
