import { z } from 'zod';
import type { ProviderSettingsV1, ProviderV1 } from '../provider/v1/provider.js';
import { clusterSchema } from './cluster.js';
import { hubSchema } from './hub.js';
import { ingressSchema } from './ingress.js';
import { dnsLabel } from './primitives.js';
import { toolsSchema } from './tools.js';

export const API_VERSION = 'hubfleet/v1';

const sections = {
  apiVersion: z
    .literal(API_VERSION, { error: `must be "${API_VERSION}"` })
    .describe('The file format version.'),
  name: dnsLabel.describe('The deployment: prefixes and tags every cloud resource it owns.'),
  cluster: clusterSchema,
  ingress: ingressSchema,
  tools: toolsSchema.default({ placeholders: [], placeholderSchedule: [] }),
  hubs: z.array(hubSchema).min(1, 'needs at least one hub'),
};

/** The whole `hubfleet.yaml`, with the `provider:` section a union of the registered providers' schemas. */
export function buildConfigSchema(providers: readonly ProviderV1[]) {
  const kinds = providers.map((provider) => provider.id);
  const [first, ...rest] = providers.map((provider) => provider.configSchema as unknown as z.ZodObject);
  if (first === undefined) throw new Error('buildConfigSchema needs at least one provider');
  const provider = z
    .discriminatedUnion('kind', [first, ...rest], {
      error: (issue) =>
        issue.code === 'invalid_union' && issue.note === 'No matching discriminator'
          ? `provider.kind must be one of ${kinds.join(' | ')}`
          : undefined,
    })
    .describe(`The cloud: ${kinds.join(' | ')}.`);
  return z
    .strictObject({
      apiVersion: sections.apiVersion,
      name: sections.name,
      provider,
      cluster: sections.cluster,
      ingress: sections.ingress,
      tools: sections.tools,
      hubs: sections.hubs,
    })
    .describe('hubfleet deployment: one cluster on one cloud, its tools, and the hubs it serves.');
}

type ConfigShape = z.infer<ReturnType<typeof buildConfigSchema>>;

/** A validated, defaulted config. `Settings` narrows the `provider:` section. */
export type HubfleetConfig<Settings extends ProviderSettingsV1 = ProviderSettingsV1> = Omit<
  ConfigShape,
  'provider'
> & {
  provider: Settings;
};
