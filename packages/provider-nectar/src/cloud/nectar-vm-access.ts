import { HubfleetError } from '@hubfleet/core';
import {
  getConsoleOutput,
  isOpenStackStatus,
  parseConsoleHostKeys,
  type Server,
} from '@hubfleet/openstack-client';
import { pinnedFingerprints } from '../ssh/host-key-pin.js';
import { connectToVm, type VmConnection } from '../ssh/vm-connection.js';
import type { NectarCloud } from './nectar-cloud.js';
import { reachableAddress } from './nectar-servers.js';

/** How long cloud-init may take to print the host keys once the VM is ACTIVE. */
const CONSOLE_TIMEOUT_MS = 10 * 60_000;

/**
 * The host key fingerprints cloud-init printed on the VM's console, polled until they appear.
 * Never trust on first use: these are the only keys a connection to the VM accepts.
 */
export async function consoleFingerprints(
  cloud: NectarCloud,
  server: Server,
  wait = true,
): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    if (cloud.signal?.aborted) {
      throw new HubfleetError({
        kind: 'interrupted',
        message: `interrupted while reading VM ${server.name}'s console`,
      });
    }
    try {
      const keys = parseConsoleHostKeys(await getConsoleOutput(cloud.compute, server.id));
      const fingerprints = pinnedFingerprints(keys?.fingerprints ?? []);
      if (fingerprints.length > 0 || !wait) return fingerprints;
    } catch (error) {
      // 409 while the guest is not running yet.
      if (!isOpenStackStatus(error, 409)) throw error;
      if (!wait) return [];
    }
    if (Date.now() - started > CONSOLE_TIMEOUT_MS) {
      throw new HubfleetError({
        kind: 'unavailable',
        message: `VM ${server.name}'s console shows no SSH host keys after ${CONSOLE_TIMEOUT_MS / 60_000} minutes`,
        hint: 'cloud-init may have failed: look at the console log in the dashboard; re-run up, or delete the VM and re-run',
        subject: `vm/${server.name}`,
      });
    }
    await cloud.sleep(cloud.pollIntervalMs);
  }
}

/** An SSH connection to the VM, its host key pinned to what its console printed (refused otherwise, exit 3). */
export async function connectToServer(
  cloud: NectarCloud,
  server: Server,
  wait = true,
): Promise<VmConnection> {
  const host = reachableAddress(server);
  if (host === undefined) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `VM ${server.name} has no IPv4 address yet`,
      hint: 're-run up once the VM has its address',
      subject: `vm/${server.name}`,
    });
  }
  return connectToVm({
    vm: server.name,
    host,
    username: cloud.loginUser,
    privateKey: cloud.privateKey,
    fingerprints: await consoleFingerprints(cloud, server, wait),
  });
}

/** Run `work` over a pinned connection to the VM, closing it afterwards. */
export async function withServer<T>(
  cloud: NectarCloud,
  server: Server,
  work: (connection: VmConnection) => Promise<T>,
): Promise<T> {
  const connection = await connectToServer(cloud, server);
  try {
    return await work(connection);
  } finally {
    connection.close();
  }
}

/**
 * For observing: the VM over SSH now, or undefined when it cannot be reached yet (still booting, no
 * host keys on its console). A host key mismatch is never "not yet": it is refused (exit 3).
 */
export async function peekServer<T>(
  cloud: NectarCloud,
  server: Server,
  work: (connection: VmConnection) => Promise<T>,
): Promise<T | undefined> {
  if (server.status !== 'ACTIVE' || reachableAddress(server) === undefined) return undefined;
  if ((await consoleFingerprints(cloud, server, false)).length === 0) return undefined;
  let connection: VmConnection;
  try {
    connection = await connectToServer(cloud, server, false);
  } catch (error) {
    if (error instanceof HubfleetError && error.kind === 'unavailable') return undefined;
    throw error;
  }
  try {
    return await work(connection);
  } finally {
    connection.close();
  }
}
