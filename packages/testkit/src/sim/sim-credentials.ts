/**
 * The one identity of the simulated AWS account. Clients in sim mode sign with it; the STS fake knows
 * its secret, so EKS tokens presigned with it verify like real ones.
 */
export const SIM_ACCOUNT_ID = '111122223333';
export const SIM_CREDENTIALS = {
  accessKeyId: 'AKIAHUBFLEETSIM00001',
  secretAccessKey: 'hubfleet-simulated-secret-access-key-0001',
} as const;
export const SIM_PRINCIPAL_ARN = `arn:aws:iam::${SIM_ACCOUNT_ID}:user/hubfleet-sim`;
