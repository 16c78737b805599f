import { HubfleetError } from '../errors/index.js';

/**
 * Steps in progress at once, unless `--parallelism` says otherwise. A step spends nearly all its time
 * waiting on the cloud or the cluster, so the bound is there to stay under API rate limits, not to
 * save local work; 32 lets every hub of a large course deployment build at once.
 */
export const DEFAULT_PARALLELISM = 32;

/**
 * `--parallelism` as typed (or as given to `applyPlan`): a whole number of at least 1, the default
 * when absent, or the `invalid-config` error (exit 2) naming the flag.
 */
export function parseParallelism(value: number | string | undefined): number {
  if (value === undefined) return DEFAULT_PARALLELISM;
  const parallelism = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(parallelism) && parallelism >= 1) return parallelism;
  throw new HubfleetError({
    kind: 'invalid-config',
    message: `--parallelism must be a whole number of at least 1, not ${typeof value === 'string' ? `"${value}"` : value}`,
    hint: `leave it out to use ${DEFAULT_PARALLELISM}, or use 1 to run one step at a time`,
  });
}
