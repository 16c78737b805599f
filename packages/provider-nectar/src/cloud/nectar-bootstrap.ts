import { HubfleetError } from '@hubfleet/core';
import type { Server } from '@hubfleet/openstack-client';
import {
  controlPlaneScript,
  nodeGroupScript,
  renderBootstrapScript,
  storageScript,
  volumeVariable,
} from '../bootstrap/index.js';
import { type BootstrapRun, pendingSteps, runBootstrap } from '../ssh/bootstrap-runner.js';
import type { VmConnection } from '../ssh/vm-connection.js';
import type { NectarCloud } from './nectar-cloud.js';
import { privateAddress, reachableAddress } from './nectar-servers.js';

/** A script as it runs: its file name, its text and its inputs. */
export interface ScriptRun {
  file: string;
  text: string;
  inputs: Record<string, string>;
}

/** Stand-ins for inputs a check never reads (a join token is only needed to join). */
const JOIN_PLACEHOLDERS = {
  HUBFLEET_API_ENDPOINT: 'checking-only:6443',
  HUBFLEET_JOIN_TOKEN: 'checking.only',
  HUBFLEET_CA_CERT_HASH: 'sha256:checking-only',
};

function address(server: Server, which: 'private' | 'reachable'): string {
  const found = which === 'private' ? privateAddress(server) : reachableAddress(server);
  if (found) return found;
  throw new HubfleetError({
    kind: 'unavailable',
    message: `VM ${server.name} has no IPv4 address yet`,
    hint: 're-run up once the VM has its address',
    subject: `vm/${server.name}`,
  });
}

/** control-plane.sh with the addresses kubeadm puts in the API server certificate. */
export function controlPlaneRun(cloud: NectarCloud, server: Server): ScriptRun {
  const script = controlPlaneScript(cloud.config);
  return {
    file: script.file,
    text: renderBootstrapScript(script),
    inputs: {
      HUBFLEET_PUBLIC_ADDRESS: address(server, 'reachable'),
      HUBFLEET_PRIVATE_ADDRESS: address(server, 'private'),
    },
  };
}

/** node-<group>.sh, with a join command's inputs (or stand-ins, for checks). */
export function nodeRun(
  cloud: NectarCloud,
  group: string,
  join: Record<string, string> = JOIN_PLACEHOLDERS,
): ScriptRun {
  const script = nodeGroupScript(cloud.config, group);
  return { file: script.file, text: renderBootstrapScript(script), inputs: join };
}

/** storage.sh with the cluster's addresses (the exports' only clients) and each hub's volume id. */
export function storageRun(
  cloud: NectarCloud,
  clusterAddresses: readonly string[],
  volumes: ReadonlyMap<string, string>,
): ScriptRun {
  // Only hubs whose volume exists yet: a hub's volume and export come once its volume does.
  const hubs = cloud.config.hubs.filter((hub) => volumes.has(hub.name));
  const script = storageScript({ ...cloud.config, hubs });
  const inputs: Record<string, string> = {
    HUBFLEET_CLUSTER_ADDRESSES: [...clusterAddresses].sort().join(' '),
  };
  for (const hub of hubs) inputs[volumeVariable(hub.name)] = volumes.get(hub.name) ?? '';
  return { file: script.file, text: renderBootstrapScript(script), inputs };
}

export function run(connection: VmConnection, script: ScriptRun): Promise<BootstrapRun> {
  return runBootstrap(connection, script.file, script.text, script.inputs);
}

export function pending(connection: VmConnection, script: ScriptRun): Promise<string[]> {
  return pendingSteps(connection, script.file, script.text, script.inputs);
}

/**
 * A fresh join command from the control plane: a bootstrap token valid 15 minutes and the CA's
 * hash, as the inputs node-<group>.sh takes. Never printed: the token admits a node.
 */
export async function joinInputs(control: VmConnection): Promise<Record<string, string>> {
  const printed = await control.exec('sudo -n kubeadm token create --ttl 15m0s --print-join-command');
  const match = /kubeadm join (\S+) --token (\S+) --discovery-token-ca-cert-hash (\S+)/.exec(printed.stdout);
  if (printed.code !== 0 || !match) {
    throw new HubfleetError({
      kind: 'unavailable',
      message: `VM ${control.vm} could not create a join token (exit ${printed.code}): ${printed.stderr.trim().split('\n').at(-1) ?? ''}`,
      hint: 're-run up: the control plane may still be starting',
      subject: `vm/${control.vm}`,
    });
  }
  return {
    HUBFLEET_API_ENDPOINT: match[1] ?? '',
    HUBFLEET_JOIN_TOKEN: match[2] ?? '',
    HUBFLEET_CA_CERT_HASH: match[3] ?? '',
  };
}
