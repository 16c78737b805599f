import { findHelm } from './find-helm.js';
import type { HelmRunner } from './helm-types.js';
import { spawnHelm } from './spawn-helm.js';

/**
 * The real helm, found on first use (not at import, so `--help` and `validate` never look for it).
 * Throws a HubfleetError with the fix when there is none.
 */
export function defaultHelmRunner(): HelmRunner {
  let runner: HelmRunner | undefined;
  return (args, env) => {
    runner ??= spawnHelm(findHelm());
    return runner(args, env);
  };
}
