import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

const core = fileURLToPath(new URL('../core/src/', import.meta.url));

/**
 * Core's subpath entries resolve to its sources too, as `@hubfleet/core` does: testkit's sessions
 * throw core's HubfleetError, and the engine and deployment graph must see the same class (a built
 * copy beside the sources would fail every `instanceof`, e.g. "no cluster yet" read as a failure).
 */
export default mergeConfig(shared, {
  resolve: {
    alias: [{ find: /^@hubfleet\/core\/(engine|kubernetes|deployment)$/, replacement: `${core}$1/index.ts` }],
  },
});
