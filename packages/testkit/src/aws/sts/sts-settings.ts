import type { Clock } from '../../framework/clock.js';
import type { StsPrincipal, StsState } from './sts-state.js';

export interface StsFakeOptions {
  clock: Clock;
  state?: StsState;
  /** @default '123456789012' */
  accountId?: string;
  /** Access keys the fake knows, with their identities (and secrets, to check presigned signatures). */
  principals?: Record<string, StsPrincipal>;
  /**
   * Reject access keys not in `principals` with InvalidClientTokenId, as STS does. Off by default:
   * unknown keys are reported as an IAM user of the account.
   */
  strictCredentials?: boolean;
}

export interface StsSettings {
  clock: Clock;
  strictCredentials: boolean;
}
