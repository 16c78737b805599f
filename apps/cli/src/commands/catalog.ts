import { didYouMean, ExitCode, HubfleetError, type MachineTypeV1 } from '@hubfleet/core';
import { registry } from '../providers.js';

function row(machine: MachineTypeV1, currency: string): string {
  const gpu = machine.gpu ? `${machine.gpu.count}× ${machine.gpu.model}` : '-';
  const price = machine.hourlyPrice === undefined ? '-' : `${machine.hourlyPrice.toFixed(4)} ${currency}/h`;
  return [
    machine.name.padEnd(22),
    String(machine.cpu).padStart(4),
    `${machine.memoryGiB}Gi`.padStart(8),
    `  ${gpu.padEnd(14)}`,
    price,
  ].join(' ');
}

export async function catalogCommand(kind: string, options: { output: 'text' | 'json' }): Promise<number> {
  const providers = registry();
  const provider = providers.get(kind);
  if (!provider) {
    const suggestion = didYouMean(kind, providers.kinds);
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `unknown provider "${kind}"`,
      hint: suggestion ? `did you mean "${suggestion}"?` : `use one of: ${providers.kinds.join(', ')}`,
    });
  }
  const { catalog } = provider;
  if (options.output === 'json') {
    process.stdout.write(
      `${JSON.stringify({ formatVersion: 1, provider: provider.id, ...catalog }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  process.stdout.write(
    `${provider.displayName}: ${catalog.machines.length} machine types${catalog.exhaustive ? '' : ' (a partial list: flavors differ per cloud)'}\n`,
  );
  const region = catalog.priceRegion === undefined ? '' : ` for ${catalog.priceRegion}`;
  process.stdout.write(`prices${region}: ${catalog.priceSource} (${catalog.priceDate})\n\n`);
  process.stdout.write(`${'name'.padEnd(22)}  cpu   memory  gpu            price\n`);
  for (const machine of catalog.machines) process.stdout.write(`${row(machine, catalog.currency)}\n`);
  return ExitCode.ok;
}
