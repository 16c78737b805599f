import { z } from 'zod';

const subnetIds = z
  .array(z.string().min(1))
  .describe(
    'Existing subnets for the cluster and its nodegroups, e.g. [subnet-0a1b2c3d, subnet-4e5f6a7b]; EKS needs subnets in at least two availability zones.',
  );

const createNetwork = z
  .strictObject({
    cidr: z
      .string()
      .describe('The new VPC address range, an IPv4 CIDR between /16 and /24, e.g. 10.40.0.0/16.'),
    zones: z.int().describe('Availability zones to spread subnets over; EKS needs at least 2.'),
  })
  .describe('Create a VPC, tagged with the deployment, with one subnet per zone.');

/**
 * Either existing subnets or a VPC to create. One strict object rather than a union so each field gets
 * its own precise error; the "exactly one of" rule is checked in `aws-network-rules.ts` and shown to
 * editors through the JSON Schema `oneOf` below.
 */
const network = z
  .strictObject({
    subnetIds: subnetIds.optional(),
    create: createNetwork.optional(),
  })
  .meta({
    description:
      'Where the cluster runs: either { subnetIds: [...] } (existing subnets) or { create: { cidr, zones } } (a new VPC).',
    oneOf: [{ required: ['subnetIds'] }, { required: ['create'] }],
  });

const roles = z
  .strictObject({
    clusterRoleArn: z
      .string()
      .optional()
      .describe(
        'IAM role the EKS control plane assumes, e.g. arn:aws:iam::123456789012:role/eks-cluster. Created and tagged when absent.',
      ),
    nodeRoleArn: z
      .string()
      .optional()
      .describe(
        'IAM role the nodes assume, e.g. arn:aws:iam::123456789012:role/eks-node. Created and tagged when absent.',
      ),
  })
  .describe('Existing IAM roles to use; hubfleet creates and tags the ones not given.');

/** The `provider:` section for AWS EKS, exactly as `config-reference.md` shows it. */
export const awsProviderSettingsSchema = z
  .strictObject({
    kind: z.literal('aws').describe('AWS EKS.'),
    region: z.string().describe('The AWS region code, e.g. us-west-2.'),
    profile: z
      .string()
      .min(1)
      .optional()
      .describe('A profile from ~/.aws/config; absent: the default AWS credential chain.'),
    network,
    roles: roles.optional(),
  })
  .describe('AWS EKS: a managed control plane with managed nodegroups.');

/** The validated `provider:` section of an AWS deployment. */
export type AwsProviderSettings = z.infer<typeof awsProviderSettingsSchema>;
