import { HubfleetError } from '@hubfleet/core';
import { hostKeyMismatch, sshFingerprint } from './host-key-pin.js';

/** Where and how to reach one VM over SSH, with the host key fingerprints its console printed. */
export interface VmAddress {
  /** The VM's name, for messages. */
  vm: string;
  host: string;
  /** @default 22 */
  port?: number;
  /** The image's login user (NeCTAR Ubuntu: `ubuntu`). */
  username: string;
  /** The key pair's private key, OpenSSH or PEM text. */
  privateKey: string;
  /** `SHA256:…` fingerprints from the console output; the connection is refused on any other key. */
  fingerprints: readonly string[];
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An open, host-key-verified SSH connection to a VM. */
export interface VmConnection {
  readonly vm: string;
  /** Run a command as the login user; never throws on a non-zero exit. */
  exec(command: string, stdin?: string): Promise<CommandResult>;
  close(): void;
}

/**
 * Connect to a VM, verifying its host key against the console's fingerprints before the session
 * exists (never trust on first use): a mismatch is a `refused` HubfleetError and nothing runs.
 * node-ssh is imported here, so loading the provider stays cheap.
 */
export async function connectToVm(address: VmAddress): Promise<VmConnection> {
  const { NodeSSH } = await import('node-ssh');
  const ssh = new NodeSSH();
  let presented: string | undefined;
  try {
    await ssh.connect({
      host: address.host,
      port: address.port ?? 22,
      username: address.username,
      privateKey: address.privateKey,
      readyTimeout: 60_000,
      hostVerifier: (key: Buffer) => {
        presented = sshFingerprint(key);
        return address.fingerprints.includes(presented);
      },
    } as Parameters<typeof ssh.connect>[0]);
  } catch (error) {
    ssh.dispose();
    if (presented !== undefined && !address.fingerprints.includes(presented)) {
      throw hostKeyMismatch(address.vm, address.fingerprints, presented);
    }
    throw new HubfleetError({
      kind: 'unavailable',
      message: `cannot reach VM ${address.vm} over SSH at ${address.host}:${address.port ?? 22}: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'a VM that just became ACTIVE may still be booting; re-run, or check its security group allows SSH from this machine',
      subject: `vm/${address.vm}`,
      cause: error,
    });
  }
  // A VM that goes away (deleted, rebooted) resets the socket, possibly after close(): that error
  // belongs to no command, so it must not become an unhandled 'error' event that ends the process.
  ssh.connection?.on('error', () => undefined);
  return {
    vm: address.vm,
    async exec(command, stdin) {
      const result = await ssh.execCommand(command, stdin === undefined ? {} : { stdin });
      return { code: result.code ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
    close: () => ssh.dispose(),
  };
}
