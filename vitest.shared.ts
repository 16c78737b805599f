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
    testTimeout: 20_000,
    pool: 'forks',
  },
});
