import { ec2Error } from './ec2-errors.js';
import { type Ec2Params, optionalString } from './ec2-params.js';
import type { Ec2Context } from './ec2-settings.js';

const NOT_PART_OF_THE_REQUEST = new Set(['Action', 'Version', 'ClientToken', 'DryRun']);

/** The request's parameters in a stable order, to tell a retry from a different request. */
function fingerprintOf(params: Ec2Params): string {
  const entries = Object.entries(params)
    .filter(([key]) => !NOT_PART_OF_THE_REQUEST.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * EC2 idempotency: a retry with the same `ClientToken` and parameters returns the resource the first
 * call created; the same token with other parameters, or after that resource is gone, is
 * IdempotentParameterMismatch. Without a token every call creates.
 */
export function createOnce(
  context: Ec2Context,
  operation: string,
  params: Ec2Params,
  exists: (resourceId: string) => boolean,
  create: () => string,
): string {
  const token = optionalString(params, 'ClientToken');
  if (token === undefined) return create();
  const key = `${operation}:${token}`;
  const fingerprint = fingerprintOf(params);
  const previous = context.state.clientTokens[key];
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      throw ec2Error(
        'IdempotentParameterMismatch',
        `The client token '${token}' was already used with different parameters. Use a different client token.`,
      );
    }
    if (!exists(previous.resourceId)) {
      throw ec2Error(
        'IdempotentParameterMismatch',
        'The client token you have provided is associated with a resource that is already deleted. Please use a different client token.',
      );
    }
    return previous.resourceId;
  }
  const resourceId = create();
  context.state.clientTokens[key] = { operation, fingerprint, resourceId };
  return resourceId;
}
