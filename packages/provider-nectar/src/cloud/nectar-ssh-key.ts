import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HubfleetError } from '@hubfleet/core';
import { expandHome } from '../nectar-keypair-rules.js';

const OPENSSH_MAGIC = 'openssh-key-v1\0';

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/** An SSH mpint: big-endian, a leading zero byte when the high bit is set. */
function mpint(data: Buffer): Buffer {
  return sshString(data[0] !== undefined && data[0] & 0x80 ? Buffer.concat([Buffer.from([0]), data]) : data);
}

/** The public key blob in an OpenSSH private key's unencrypted header (even when the key is encrypted). */
function openSshPublicBlob(text: string): Buffer | undefined {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]+?)-----END OPENSSH PRIVATE KEY-----/.exec(
    text,
  )?.[1];
  if (body === undefined) return undefined;
  const data = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (data.subarray(0, OPENSSH_MAGIC.length).toString('latin1') !== OPENSSH_MAGIC) return undefined;
  let offset = OPENSSH_MAGIC.length;
  const next = () => {
    const length = data.readUInt32BE(offset);
    const value = data.subarray(offset + 4, offset + 4 + length);
    offset += 4 + length;
    return value;
  };
  next(); // cipher
  next(); // kdf
  next(); // kdf options
  offset += 4; // number of keys
  return next();
}

/** An RSA key in PEM (what the NeCTAR dashboard hands out) as an `ssh-rsa` blob. */
function pemPublicBlob(text: string): Buffer {
  const jwk = createPublicKey(text).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || !jwk.e || !jwk.n) throw new Error(`unsupported PEM key type ${jwk.kty}`);
  return Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    mpint(Buffer.from(jwk.e, 'base64url')),
    mpint(Buffer.from(jwk.n, 'base64url')),
  ]);
}

/** The OpenSSH public key line (`ssh-ed25519 AAAA…`) of a private key in OpenSSH or PEM form. */
export function publicKeyOf(privateKey: string): string {
  const blob = openSshPublicBlob(privateKey) ?? pemPublicBlob(privateKey);
  const type = blob.subarray(4, 4 + blob.readUInt32BE(0)).toString();
  return `${type} ${blob.toString('base64')}`;
}

/** The key pair's private key, from `provider.keypair.privateKeyFile` (relative to the config file, `~` expanded). */
export async function readPrivateKey(file: string, configDirectory: string): Promise<string> {
  const path = resolve(configDirectory, expandHome(file));
  try {
    const text = await readFile(path, 'utf8');
    publicKeyOf(text);
    return text;
  } catch (error) {
    throw new HubfleetError({
      kind: 'invalid-config',
      message: `provider.keypair.privateKeyFile: cannot read a private key from ${file}: ${error instanceof Error ? error.message : String(error)}`,
      hint: "download the key pair's private key to that path (chmod 600), or correct the path (004 step 6)",
      subject: 'provider.keypair.privateKeyFile',
      cause: error,
    });
  }
}
