import type { Clock } from '../../framework/clock.js';
import { DEFAULT_ACCOUNT_ID } from '../shared/aws-ids.js';
import type { IamState } from './iam-state.js';

/** IAM quotas (defaults from the IAM quotas page; some are adjustable there). */
export interface IamQuotas {
  /** @default 1000 */
  rolesPerAccount: number;
  /** Managed policies attached to one role. @default 10 */
  policiesPerRole: number;
  /** @default 50 */
  tagsPerRole: number;
}

export interface IamFakeOptions {
  clock: Clock;
  state?: IamState;
  /** @default '123456789012' */
  accountId?: string;
  quotas?: Partial<IamQuotas>;
}

export interface IamSettings {
  clock: Clock;
  accountId: string;
  quotas: IamQuotas;
}

export const DEFAULT_IAM_QUOTAS: IamQuotas = { rolesPerAccount: 1000, policiesPerRole: 10, tagsPerRole: 50 };

export function resolveIamSettings(options: IamFakeOptions): IamSettings {
  return {
    clock: options.clock,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    quotas: { ...DEFAULT_IAM_QUOTAS, ...options.quotas },
  };
}

export interface IamContext {
  state: IamState;
  settings: IamSettings;
  now: number;
  params: Record<string, string>;
}
