export { IAM_FAULTS, IAM_NAMESPACE } from './iam-errors.js';
export type { IamFake, RunningIamFake, StartIamFakeOptions } from './iam-fake.js';
export { createIamFake, startIamFake } from './iam-fake.js';
export type { IamFakeOptions, IamQuotas } from './iam-settings.js';
export { DEFAULT_IAM_QUOTAS } from './iam-settings.js';
export type { IamState, IamTag, RoleRecord as IamRoleRecord } from './iam-state.js';
export { createIamState } from './iam-state.js';
