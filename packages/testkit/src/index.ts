export * from './aws/ec2/index.js';
export * from './aws/eks/index.js';
export * from './aws/iam/index.js';
export * from './aws/s3/index.js';
export * from './aws/sts/index.js';
export * from './dns/index.js';
export * from './framework/index.js';
export {
  createCertificateAuthority,
  createCertificateRequest,
  InvalidCertificateRequestError,
  issueClientCertificate,
  issueServerCertificate,
  signCertificateRequest,
} from './framework/pki.js';
export * from './gke/index.js';
export * from './kubernetes/index.js';
export * from './openstack/index.js';
export * from './sim/index.js';
export * from './ssh/index.js';
