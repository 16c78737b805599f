import { withRetries } from '../engine/retry.js';
import type { DeploymentContext } from './deployment-context.js';

/**
 * Run work that is not one of the engine's steps (listing the deployment, status, releasing the
 * network and roles) with the engine's retries: a retryable error (throttling, 5xx, a dropped
 * connection) is tried again with bounded exponential backoff; any other error is thrown at once.
 * Failed reads are not kept by the read cache, so a retry reads them again.
 */
export function retryReads<Result>(context: DeploymentContext, work: () => Promise<Result>): Promise<Result> {
  return withRetries(() => work(), { policy: context.retry, sleep: context.sleep, random: Math.random });
}
