import { createHash, generateKeyPairSync } from 'node:crypto';

/**
 * SSH host keys as cloud-init prints them to the console, so a client can pin a server's key before
 * its first SSH connection (trust on first use, but checked against the cloud's own view).
 */
function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** A fresh ed25519 host key as an OpenSSH public key line. */
export function generateHostKey(comment: string): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

function readString(blob: Buffer, offset: number): { value: Buffer; next: number } {
  const length = blob.readUInt32BE(offset);
  return { value: blob.subarray(offset + 4, offset + 4 + length), next: offset + 4 + length };
}

function keyBits(type: string, blob: Buffer): number {
  if (type === 'ssh-ed25519') return 256;
  const curve = /^ecdsa-sha2-nistp(\d+)$/.exec(type);
  if (curve) return Number(curve[1]);
  if (type === 'ssh-rsa') {
    const exponent = readString(blob, readString(blob, 0).next);
    const modulus = readString(blob, exponent.next).value;
    const significant = modulus[0] === 0 ? modulus.subarray(1) : modulus;
    return significant.length * 8 - Math.clz32(significant[0] ?? 0) + 24;
  }
  return 0;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'ssh-ed25519': 'ED25519',
  'ssh-rsa': 'RSA',
  'ecdsa-sha2-nistp256': 'ECDSA',
  'ecdsa-sha2-nistp384': 'ECDSA',
  'ecdsa-sha2-nistp521': 'ECDSA',
};

/** What `ssh-keygen -l -f key.pub` prints: `256 SHA256:… comment (ED25519)`. */
export function fingerprintLine(publicKeyLine: string): string {
  const [type = '', data = '', ...comment] = publicKeyLine.trim().split(/\s+/);
  const blob = Buffer.from(data, 'base64');
  const digest = createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
  return `${keyBits(type, blob)} SHA256:${digest} ${comment.join(' ') || 'no comment'} (${TYPE_LABELS[type] ?? type.toUpperCase()})`;
}

/** Whether a string reads as an OpenSSH public key line (type, base64 blob naming the same type). */
export function isOpenSshPublicKey(line: string): boolean {
  const [type, data] = line.trim().split(/\s+/);
  if (!type || !data || !/^[A-Za-z0-9+/]+=*$/.test(data)) return false;
  const blob = Buffer.from(data, 'base64');
  if (blob.length < 4) return false;
  const length = blob.readUInt32BE(0);
  return length < blob.length && blob.subarray(4, 4 + length).toString() === type;
}

/** Nova's keypair fingerprint: the MD5 of the key blob, colon-separated hex. */
export function md5Fingerprint(publicKeyLine: string): string {
  const data = publicKeyLine.trim().split(/\s+/)[1] ?? '';
  const hex = createHash('md5').update(Buffer.from(data, 'base64')).digest('hex');
  return hex.match(/../g)?.join(':') ?? hex;
}
