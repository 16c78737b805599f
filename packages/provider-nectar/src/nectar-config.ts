import { z } from 'zod';

const flavorChoice = (what: string, example: string) =>
  z
    .strictObject({
      flavor: z.string().min(1).describe(`The NeCTAR flavor of the ${what}, e.g. ${example}.`),
    })
    .describe(`The ${what} VM.`);

/** `a.b.c.d/n`, each octet 0-255, n 0-32. */
const IPV4_CIDR =
  /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(3[0-2]|[12]?\d)$/;

const classicNetwork = z
  .strictObject({
    kind: z.literal('classic').describe('NeCTAR classic networking: each VM gets a public address directly.'),
  })
  .describe('Classic networking: public addresses on the VMs, no router needed.');

const privateNetwork = z
  .strictObject({
    kind: z.literal('private').describe('A project network behind a router, reached through floating IPs.'),
    name: z.string().min(1).describe('The project network the VMs join, e.g. jh-net.'),
    floatingIpPool: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The external network floating IPs come from, e.g. melbourne; required for a private network.',
      ),
  })
  .describe('A private network: VMs are reached through floating IPs from floatingIpPool.');

/** The `provider:` section for NeCTAR plain VMs, exactly as `config-reference.md` shows it. */
export const nectarProviderSettingsSchema = z
  .strictObject({
    kind: z
      .literal('nectar')
      .describe('NeCTAR Research Cloud: plain VMs, Kubernetes bootstrapped with kubeadm.'),
    cloud: z
      .string()
      .min(1)
      .optional()
      .describe(
        'An entry in clouds.yaml, e.g. nectar; absent: the OS_* variables from the project openrc.sh.',
      ),
    availabilityZone: z
      .string()
      .min(1)
      .describe('Where every VM and volume is created, e.g. melbourne-qh2; the flavors must exist there.'),
    image: z
      .string()
      .min(1)
      .describe('The VM image name or id, an Ubuntu LTS image, e.g. NeCTAR Ubuntu 24.04 LTS (Noble) amd64.'),
    keypair: z
      .strictObject({
        name: z.string().min(1).describe('An existing key pair in the project (Compute → Key Pairs).'),
        privateKeyFile: z
          .string()
          .min(1)
          .describe(
            'Its private key on this machine, used to bootstrap the VMs over SSH, e.g. ~/.ssh/comp20003.pem.',
          ),
      })
      .describe('The key pair installed on the VMs and the private key hubfleet logs in with.'),
    network: z
      .discriminatedUnion('kind', [classicNetwork, privateNetwork])
      .default({ kind: 'classic' })
      .describe(
        'classic (public addresses on the VMs, the default) or private (a project network with floating IPs).',
      ),
    operatorCidrs: z
      .array(
        z
          .string()
          .regex(IPV4_CIDR, 'an IPv4 range in CIDR notation, e.g. 128.250.0.0/16 or 203.0.113.7/32')
          .describe('An IPv4 range in CIDR notation, e.g. 203.0.113.7/32.'),
      )
      .min(1)
      .optional()
      .describe(
        'Where the operator runs hubfleet from: SSH (22) and the Kubernetes API (6443) admit only these ranges (the API also the nodes); absent: 0.0.0.0/0, and validate warns.',
      ),
    controlPlane: flavorChoice('Kubernetes control-plane', 'm3.medium'),
    storageNode: flavorChoice('NFS server holding hub storage', 'm3.small'),
  })
  .describe('NeCTAR Research Cloud: hubfleet creates plain VMs and bootstraps Kubernetes on them over SSH.');

/** The validated `provider:` section of a NeCTAR deployment. */
export type NectarProviderSettings = z.infer<typeof nectarProviderSettingsSchema>;
