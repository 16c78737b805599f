import { z } from 'zod';

const labelValue = z
  .string()
  .describe('A Magnum label value, always a string: quote numbers and booleans, e.g. "true" or "3".');

/** The `provider:` section for OpenStack Magnum (STFC), exactly as `config-reference.md` shows it. */
export const openstackProviderSettingsSchema = z
  .strictObject({
    kind: z.literal('openstack').describe('OpenStack Magnum.'),
    cloud: z
      .string()
      .min(1)
      .optional()
      .describe(
        'An entry in clouds.yaml, e.g. jupyter-prod; absent: the OS_* environment variables (openrc.sh).',
      ),
    clusterTemplate: z
      .string()
      .min(1)
      .describe(
        'The Magnum cluster template (name or id) that fixes the image, driver and network, e.g. kubernetes-1.31-ha; see `openstack coe cluster template list`.',
      ),
    keypair: z.string().min(1).describe('An existing Nova key pair in the project, installed on every node.'),
    masterFlavor: z.string().min(1).describe('Flavor of the control-plane (master) nodes, e.g. l3.nano.'),
    masterCount: z
      .int()
      .min(1, 'must be at least 1')
      .default(1)
      .describe('Control-plane nodes: 1, or 3 or 5 for a highly available etcd.'),
    floatingIp: z
      .string()
      .optional()
      .describe(
        'An allocated floating IP, e.g. 130.246.0.10, associated to the hub load balancer so DNS keeps pointing at it.',
      ),
    labels: z
      .record(z.string().min(1), labelValue)
      .optional()
      .describe(
        'Magnum labels passed to the cluster as-is, e.g. { auto_scaling_enabled: "true" }; values are strings.',
      ),
  })
  .describe('OpenStack Magnum: clusters from a cluster template, as on the STFC Cloud.');

/** The validated `provider:` section of an OpenStack Magnum deployment. */
export type OpenstackProviderSettings = z.infer<typeof openstackProviderSettingsSchema>;
