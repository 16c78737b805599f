import type { ProviderV1 } from '../provider/v1/provider.js';
import { buildConfigSchema } from './deployment.js';

/** The providers the CLI registered, and the config schema built from them. */
export interface ProviderRegistry {
  readonly providers: readonly ProviderV1[];
  readonly kinds: readonly string[];
  get(kind: string): ProviderV1 | undefined;
  readonly schema: ReturnType<typeof buildConfigSchema>;
}

export function createProviderRegistry(providers: readonly ProviderV1[]): ProviderRegistry {
  const byKind = new Map(providers.map((provider) => [provider.id, provider]));
  if (byKind.size !== providers.length) throw new Error('two providers registered the same id');
  let schema: ReturnType<typeof buildConfigSchema> | undefined;
  return {
    providers,
    kinds: providers.map((provider) => provider.id),
    get: (kind) => byKind.get(kind),
    get schema() {
      schema ??= buildConfigSchema(providers);
      return schema;
    },
  };
}
