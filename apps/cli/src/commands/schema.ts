import { configJsonSchema, ExitCode } from '@hubfleet/core';
import { registry } from '../providers.js';

export async function schemaCommand(): Promise<number> {
  process.stdout.write(`${JSON.stringify(configJsonSchema(registry()), null, 2)}\n`);
  return ExitCode.ok;
}
