import { execFile } from 'node:child_process';
import { request } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SimVm, SimVmFleet } from '@hubfleet/testkit';
import { pinnedFingerprints } from '../src/ssh/host-key-pin.js';
import type { VmAddress } from '../src/ssh/vm-connection.js';

const run = promisify(execFile);

/** What cloud-init prints for the VM's host key: the real `ssh-keygen -l` of its sshd's key. */
export async function consoleFingerprintLines(vm: SimVm): Promise<string[]> {
  const { stdout } = await run('ssh-keygen', [
    '-l',
    '-f',
    join(vm.directory, 'sshd', 'ssh_host_ed25519_key.pub'),
  ]);
  return stdout.trim().split('\n');
}

/** How the provider would reach a sim VM, pinned to the fingerprints its console printed. */
export async function addressOf(fleet: SimVmFleet, vm: SimVm, pinnedTo: SimVm = vm): Promise<VmAddress> {
  return {
    vm: vm.name,
    host: vm.address,
    port: vm.port,
    username: 'ubuntu',
    privateKey: fleet.keyPair.privateKey,
    fingerprints: pinnedFingerprints(await consoleFingerprintLines(pinnedTo)),
  };
}

function field(kubeconfig: string, name: string): string {
  const value = new RegExp(`${name}:\\s*(\\S+)`).exec(kubeconfig)?.[1];
  if (!value) throw new Error(`kubeconfig has no ${name}`);
  return value;
}

/** GET a path of the cluster's API with the kubeconfig's client certificate, verifying the server against its CA. */
export function kubernetesGet(kubeconfig: string, path: string): Promise<{ status: number; body: unknown }> {
  const server = new URL(field(kubeconfig, 'server'));
  const decode = (name: string) => Buffer.from(field(kubeconfig, name), 'base64').toString();
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: server.hostname,
        port: server.port,
        path,
        ca: decode('certificate-authority-data'),
        cert: decode('client-certificate-data'),
        key: decode('client-key-data'),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
          }),
        );
      },
    );
    call.on('error', reject);
    call.end();
  });
}

/** The Node names the cluster's API lists. */
export async function nodeNames(kubeconfig: string): Promise<string[]> {
  const { body } = await kubernetesGet(kubeconfig, '/api/v1/nodes');
  return ((body as { items?: { metadata: { name: string } }[] }).items ?? [])
    .map((node) => node.metadata.name)
    .sort();
}
