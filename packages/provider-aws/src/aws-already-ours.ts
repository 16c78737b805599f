import { isAwsError } from './aws-errors.js';

/**
 * Runs a change that AWS refuses when it is already made (`Resource.AlreadyAssociated`,
 * `RouteAlreadyExists`). That refusal is often this deployment's own earlier call: one whose reply
 * was lost and that the SDK sent again, or a run that died after it. When `isOurs` finds the change
 * in place on this deployment's own resources, it is done; otherwise the refusal stands (someone
 * else's resource, which hubfleet never takes over).
 */
export async function unlessAlreadyOurs(
  work: () => Promise<unknown>,
  codes: readonly string[],
  isOurs: () => Promise<boolean>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isAwsError(error, ...codes) || !(await isOurs())) throw error;
  }
}
