/**
 * Test-only: an SSH client (node-ssh) that accepts exactly one host key, as a provider pinning the
 * console's fingerprints does. Not exported from the package (node-ssh is a dev dependency).
 */
import { NodeSSH } from 'node-ssh';

/** The raw key blob of an OpenSSH public key line, as ssh2's hostVerifier receives it. */
function keyBlob(line: string): Buffer {
  return Buffer.from(line.split(/\s+/)[1] ?? '', 'base64');
}

export interface PinnedSsh {
  host: string;
  port?: number;
  privateKey: string;
  /** The only host key accepted (an OpenSSH public key line). */
  hostPublicKey: string;
  /** @default 'ubuntu' */
  username?: string;
}

export async function sshPinned(target: PinnedSsh): Promise<NodeSSH> {
  const ssh = new NodeSSH();
  await ssh.connect({
    host: target.host,
    port: target.port ?? 22,
    username: target.username ?? 'ubuntu',
    privateKey: target.privateKey,
    hostVerifier: (key: Buffer) => key.equals(keyBlob(target.hostPublicKey)),
  } as Parameters<NodeSSH['connect']>[0]);
  // node-ssh listens for errors only while connecting. A VM destroyed under an open connection (what
  // the fleet's tests do on purpose) resets it later: that must not surface as an uncaught error in
  // whatever test runs then. The provider's connection does the same (vm-connection.ts).
  ssh.connection?.on('error', () => undefined);
  return ssh;
}

/** Run a command; its exit code and output. */
export async function sshRun(
  ssh: NodeSSH,
  command: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const result = await ssh.execCommand(command);
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}
