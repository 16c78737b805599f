import { createPrivateKey, createPublicKey } from 'node:crypto';

/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A fixed, public seed: the simulated key pair is a test value, like the sim's credentials. */
const SIM_SEED = Buffer.alloc(32, 0x5e);

function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/**
 * The simulated key pair's private key, in OpenSSH form: what a `--sim` run logs in to its VMs with
 * when the config's privateKeyFile exists only on the operator's machine. Never used for a real cloud.
 */
export function simulatedPrivateKey(): string {
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, SIM_SEED]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicBytes = Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x ?? '', 'base64url');
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicBytes)]);
  const body = Buffer.concat([
    uint32(0x5e5e5e5e),
    uint32(0x5e5e5e5e),
    sshString('ssh-ed25519'),
    sshString(publicBytes),
    sshString(Buffer.concat([SIM_SEED, publicBytes])),
    sshString('hubfleet-sim'),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (body.length % 8)) % 8 }, (_, index) => index + 1));
  const data = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([body, padding])),
  ]);
  const lines = data.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}
