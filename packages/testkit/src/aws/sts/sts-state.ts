import { createHash } from 'node:crypto';

/** Who an access key belongs to, as GetCallerIdentity reports it. */
export interface StsPrincipal {
  arn: string;
  userId: string;
  /** Known secrets let the fake check presigned signatures (EKS tokens); without one it cannot. */
  secretAccessKey?: string;
}

export interface StsState {
  accountId: string;
  principals: Record<string, StsPrincipal>;
}

export function createStsState(accountId: string): StsState {
  return { accountId, principals: {} };
}

/**
 * The identity the fake reports for an access key it was not told about: an IAM user in the account,
 * with a user id derived from the key so that it is stable across calls and processes.
 */
export function defaultPrincipal(accountId: string, accessKeyId: string): StsPrincipal {
  const digest = createHash('sha256').update(accessKeyId).digest('hex').toUpperCase().slice(0, 17);
  return { arn: `arn:aws:iam::${accountId}:user/hubfleet-test`, userId: `AIDA${digest}` };
}

/** Registers an access key (and optionally its secret) under a principal. */
export function addStsPrincipal(state: StsState, accessKeyId: string, principal: StsPrincipal): void {
  state.principals[accessKeyId] = principal;
}

/** Secret lookup for verifyEksToken, from the keys registered in an STS fake's state. */
export function secretsOf(state: StsState): (accessKeyId: string) => string | undefined {
  return (accessKeyId) => state.principals[accessKeyId]?.secretAccessKey;
}
