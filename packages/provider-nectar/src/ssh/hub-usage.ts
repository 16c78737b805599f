import { HubfleetError } from '@hubfleet/core';
import { EXPORT_ROOT } from '../bootstrap/storage-steps.js';
import { shellQuote } from './bootstrap-runner.js';
import type { VmConnection } from './vm-connection.js';

/**
 * Bytes a hub's home directories take on the storage node: `du -sb` over SSH on its export (the
 * seed's "a student created a file too big" check, for `status`).
 */
export async function hubUsageBytes(connection: VmConnection, hub: string): Promise<number> {
  const directory = `${EXPORT_ROOT}/${hub}`;
  const result = await connection.exec(`sudo -n du -sb ${shellQuote(directory)}`);
  const bytes = /^(\d+)\s/.exec(result.stdout)?.[1];
  if (result.code !== 0 || bytes === undefined) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `cannot read the usage of hub ${hub} on VM ${connection.vm}: ${result.stderr.trim() || `du exited ${result.code}`}`,
      hint: 'the storage node may still be bootstrapping; run status again once up has finished',
      subject: `hubs.${hub}.storage`,
    });
  }
  return Number(bytes);
}
