import { z } from 'zod';
import { authSchema } from './auth.js';
import { cpuQuantity, dnsLabel, duration, quantity } from './primitives.js';

export const imageSchema = z.strictObject({
  name: z.string().min(1).describe('Image repository, e.g. jupyter/scipy-notebook.'),
  tag: z.string().min(1).describe('Pin a tag; `latest` makes restarts unpredictable.'),
});

const cpuRange = z.strictObject({ guarantee: cpuQuantity.optional(), limit: cpuQuantity.optional() });
const memoryRange = z.strictObject({ guarantee: quantity.optional(), limit: quantity.optional() });

export const resourcesSchema = z
  .strictObject({ cpu: cpuRange.optional(), memory: memoryRange.optional() })
  .describe('Guarantees (requests) and limits for each user server.');

export const profileSchema = z
  .strictObject({
    name: dnsLabel,
    displayName: z.string().min(1),
    description: z.string().optional(),
    nodeGroup: dnsLabel.optional().describe('A users or gpu nodegroup; the default users group when absent.'),
    gpu: z.int().min(1).optional().describe('GPUs per user server; needs a gpu nodegroup.'),
    image: imageSchema.optional(),
    cpu: cpuRange.optional(),
    memory: memoryRange.optional(),
  })
  .describe('A choice shown at spawn time.');

export const ON_DELETE = ['retain', 'snapshot', 'delete'] as const;

export const storageSchema = z
  .strictObject({
    home: z
      .enum(['shared-nfs', 'per-user-volume'])
      .default('shared-nfs')
      .describe("shared-nfs: homes on the hub's NFS disk; per-user-volume: one provider volume per user."),
    size: quantity
      .default('10Gi')
      .describe("The hub's disk (shared-nfs) or each user's volume (per-user-volume)."),
    sharedDir: z.boolean().default(false).describe('~/shared: read-only for users, writable for admins.'),
    onDelete: z
      .enum(ON_DELETE)
      .default('retain')
      .describe(
        'What `down` does with the data: retain (default), snapshot, or delete (also needs --delete-data).',
      ),
    adoptVolume: z
      .string()
      .min(1)
      .optional()
      .describe('Reuse an existing volume, e.g. one retained earlier.'),
  })
  .describe("The hub's home directories.");

export const hubSchema = z
  .strictObject({
    name: dnsLabel.describe('Namespace, helm release and URL path /<name>/.'),
    displayName: z.string().min(1).optional(),
    admins: z.array(z.string().min(1)).default([]),
    auth: authSchema,
    image: imageSchema.default({ name: 'quay.io/jupyter/scipy-notebook', tag: '2025-10-20' }),
    defaultUrl: z.string().startsWith('/', 'must start with "/", e.g. /lab').default('/lab'),
    resources: resourcesSchema.optional(),
    profiles: z.array(profileSchema).default([]),
    storage: storageSchema.default({
      home: 'shared-nfs',
      size: '10Gi',
      sharedDir: false,
      onDelete: 'retain',
    }),
    culling: z
      .strictObject({ idleTimeout: duration.default('1h'), maxAge: duration.optional() })
      .default({ idleTimeout: '1h' })
      .describe('Stop idle servers after idleTimeout; stop any server older than maxAge.'),
    gitPuller: z
      .strictObject({
        repo: z.url({ error: 'must be a git repository URL' }),
        branch: z.string().min(1).default('main'),
      })
      .optional()
      .describe('nbgitpuller: pull this repository into each home at start.'),
    sudo: z
      .boolean()
      .default(false)
      .describe('Give users sudo in their containers; a warning is shown when on.'),
    extraValues: z
      .record(z.string(), z.unknown())
      .default({})
      .describe('Escape hatch: raw zero-to-jupyterhub values, merged last.'),
  })
  .describe('One JupyterHub.');

export type HubConfig = z.infer<typeof hubSchema>;
export type ProfileConfig = z.infer<typeof profileSchema>;
export type StorageConfig = z.infer<typeof storageSchema>;
