import { z } from 'zod';
import { dnsLabel, labelMap, quantity, taint } from './primitives.js';

export const NODE_GROUP_ROLES = ['tools', 'core', 'users', 'gpu'] as const;
export type NodeGroupRole = (typeof NODE_GROUP_ROLES)[number];

export const nodeGroupSchema = z
  .strictObject({
    name: dnsLabel.describe('The nodegroup name; cloud resources derive from `<deployment>-<name>`.'),
    role: z
      .enum(NODE_GROUP_ROLES)
      .describe(
        'What runs here: tools (ingress, autoscaler, monitoring, registry cache), core (hub, proxy, NFS servers), users (single-user servers and placeholders), gpu (GPU user servers).',
      ),
    instanceType: z
      .string()
      .min(1)
      .describe(
        "The provider's instance type, machine type or flavor, e.g. t3a.large, n1-standard-4, m3.medium.",
      ),
    min: z
      .int()
      .min(0, 'must be 0 or more')
      .describe('Fewest nodes; 0 where the provider can scale from zero.'),
    max: z.int().min(1, 'must be at least 1').describe('Most nodes the autoscaler may add.'),
    diskSize: quantity
      .optional()
      .describe('Root disk of each node, e.g. 100Gi. Provider default when absent.'),
    gpu: z
      .strictObject({
        count: z.int().min(1).describe('GPUs per node.'),
      })
      .optional()
      .describe('GPUs on every node of this group; required for role gpu.'),
    labels: labelMap.optional().describe('Extra Kubernetes node labels, on top of those the role sets.'),
    taints: z.array(taint).optional().describe('Extra taints, on top of those the role sets.'),
  })
  .describe('A group of identical nodes with one role.');

export const clusterSchema = z
  .strictObject({
    kubernetesVersion: z
      .string()
      .regex(/^1\.[0-9]{2}$/, 'must be a Kubernetes minor version in quotes, such as "1.34"')
      .default('1.34')
      .describe('Kubernetes minor version, quoted: "1.34".'),
    nodeGroups: z.array(nodeGroupSchema).min(1, 'needs at least one core and one users nodegroup'),
  })
  .describe('The Kubernetes cluster and its nodegroups.');

export type NodeGroupConfig = z.infer<typeof nodeGroupSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
