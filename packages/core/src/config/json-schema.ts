import { z } from 'zod';
import type { ProviderRegistry } from './registry.js';

/** JSON Schema (draft 2020-12) of the whole file, for editors: `# yaml-language-server: $schema=...`. */
export function configJsonSchema(registry: ProviderRegistry): Record<string, unknown> {
  const schema = z.toJSONSchema(registry.schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return { ...schema, $id: 'https://hubfleet.dev/schema/hubfleet-v1.json', title: 'hubfleet.yaml' };
}
