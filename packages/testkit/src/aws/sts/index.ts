export type { EksTokenVerification, VerifyEksTokenOptions } from './sts-eks-token.js';
export { EKS_TOKEN_PREFIX, verifyEksToken } from './sts-eks-token.js';
export { STS_FAULTS, STS_NAMESPACE } from './sts-errors.js';
export type { RunningStsFake, StartStsFakeOptions, StsFake } from './sts-fake.js';
export { createStsFake, startStsFake } from './sts-fake.js';
export { PRESIGNED_VALIDITY_MS } from './sts-presigned.js';
export type { StsFakeOptions } from './sts-settings.js';
export type { StsPrincipal, StsState } from './sts-state.js';
export { addStsPrincipal, createStsState, secretsOf } from './sts-state.js';
